//! Direct drawing on the canvas 2D context, next to plotters: text (measured with
//! `measureText`, which needs no DOM), dash patterns (`setLineDash`), clipping and legends.

use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use super::geometry::PixelRect;
use super::style::{self, Theme};

/// How a legend entry is drawn.
#[derive(Debug, Clone)]
pub enum Swatch {
    Line {
        color: RGBColor,
        dash: &'static [f64],
    },
    Fill(RGBAColor),
    /// A wide stroke (width in CSS px), e.g. a translucent highlight.
    Stroke {
        color: RGBAColor,
        width: f64,
    },
    /// A fill with diagonal hatching (dead bands: distinguishable without colour).
    Hatch(RGBAColor),
}

/// Where a legend sits inside the plot: option `legend: "topLeft" | "topRight" | "bottomLeft"
/// | "bottomRight" | "none"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
    #[serde(rename = "none")]
    Hidden,
}

impl Corner {
    /// The corners in order of preference when placing a legend automatically.
    pub const PLACES: [Corner; 4] = [
        Corner::TopLeft,
        Corner::TopRight,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];
}

/// Direct canvas drawing: text, dashes, clipping and legends (see the module docs).
pub struct Painter {
    pub ctx: CanvasRenderingContext2d,
    pub dpr: f64,
    pub theme: Theme,
}

impl Painter {
    /// A CSS length in device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// A CSS length in whole device pixels, for plotters.
    pub fn ipx(&self, css: f64) -> i32 {
        (css * self.dpr).round() as i32
    }

    /// The plotters text style of size `css` px.
    pub fn font(&self, css: f64, color: RGBColor) -> TextStyle<'static> {
        // The family named directly: plotters' `From<&str>` lowercases the name first to spot
        // "serif" and the like, which links std's Unicode case tables (~12 KB) into the wasm.
        (FontFamily::Name(style::FONT), self.px(css))
            .into_font()
            .color(&color)
    }

    fn set_font(&self, css: f64) {
        self.ctx
            .set_font(&format!("{}px {}", self.px(css), style::FONT));
    }

    /// Sets the line dash (CSS px lengths); `&[]` is solid.
    pub fn dash(&self, pattern: &[f64]) {
        let segments = js_sys::Array::new();
        for v in pattern {
            segments.push(&JsValue::from_f64(self.px(*v)));
        }
        // setLineDash only rejects non-finite or negative entries, which the patterns are not.
        let _ = self.ctx.set_line_dash(&segments);
    }

    /// Restricts drawing to `r` until [`Painter::unclip`].
    pub fn clip(&self, r: PixelRect) {
        self.ctx.save();
        self.ctx.begin_path();
        self.ctx.rect(r.x, r.y, r.w, r.h);
        self.ctx.clip();
    }

    pub fn unclip(&self) {
        self.ctx.restore();
    }

    /// Text of size `css` px at (x, y) device pixels.
    pub fn text(&self, s: &str, x: f64, y: f64, css: f64, color: RGBColor, align: &str) {
        self.set_font(css);
        self.ctx.set_text_align(align);
        self.ctx.set_text_baseline("alphabetic");
        self.ctx.set_fill_style_str(&style::css(color.to_rgba()));
        let _ = self.ctx.fill_text(s, x, y);
    }

    /// Width of `s` at `css` px, in device pixels.
    pub fn measure(&self, s: &str, css: f64) -> f64 {
        self.set_font(css);
        self.ctx.measure_text(s).map(|m| m.width()).unwrap_or(0.0)
    }

    /// Diagonal hatching (45°, every 7 CSS px) inside the rectangle (device pixels).
    pub fn hatch(&self, x: f64, y: f64, w: f64, h: f64, color: RGBAColor) {
        if !(w > 0.0 && h > 0.0) {
            return;
        }
        let ctx = &self.ctx;
        ctx.save();
        ctx.begin_path();
        ctx.rect(x, y, w, h);
        ctx.clip();
        ctx.set_stroke_style_str(&style::css(color));
        ctx.set_line_width(self.px(1.0));
        ctx.begin_path();
        let step = self.px(7.0);
        let mut t = x - h;
        while t < x + w {
            ctx.move_to(t, y + h);
            ctx.line_to(t + h, y);
            t += step;
        }
        ctx.stroke();
        ctx.restore();
    }

    /// A diamond of half-diagonal `r` CSS px centred at (x, y) device pixels.
    pub fn diamond(&self, x: f64, y: f64, r: f64, fill: RGBAColor, stroke: RGBColor) {
        let ctx = &self.ctx;
        let r = self.px(r);
        ctx.begin_path();
        ctx.move_to(x, y - r);
        ctx.line_to(x + r, y);
        ctx.line_to(x, y + r);
        ctx.line_to(x - r, y);
        ctx.close_path();
        ctx.set_fill_style_str(&style::css(fill));
        ctx.fill();
        ctx.set_stroke_style_str(&style::css(stroke.to_rgba()));
        ctx.set_line_width(self.px(1.5));
        ctx.stroke();
    }

    /// The box of a legend with `entries` in `corner` of `plot` (device pixels).
    pub fn legend_box(
        &self,
        entries: &[(String, Swatch)],
        plot: PixelRect,
        corner: Corner,
    ) -> PixelRect {
        self.legend_box_sized(self.legend_size(entries), plot, corner)
    }

    /// The legend's width and height: its widest label measured once.
    fn legend_size(&self, entries: &[(String, Swatch)]) -> (f64, f64) {
        let (pad, swatch, gap, row) = self.legend_metrics();
        let text_w = entries
            .iter()
            .map(|(label, _)| self.measure(label, style::LEGEND_PX))
            .fold(0.0, f64::max);
        (
            pad * 2.0 + swatch + gap + text_w,
            pad * 2.0 + row * entries.len() as f64,
        )
    }

    fn legend_box_sized(&self, (w, h): (f64, f64), plot: PixelRect, corner: Corner) -> PixelRect {
        let inset = self.px(8.0);
        let x = match corner {
            Corner::TopRight | Corner::BottomRight => plot.x + plot.w - inset - w,
            _ => plot.x + inset,
        };
        let y = match corner {
            Corner::BottomLeft | Corner::BottomRight => plot.y + plot.h - inset - h,
            _ => plot.y + inset,
        };
        PixelRect { x, y, w, h }
    }

    fn legend_metrics(&self) -> (f64, f64, f64, f64) {
        (
            self.px(6.0),
            self.px(26.0),
            self.px(6.0),
            self.px(style::LEGEND_PX * 1.45),
        )
    }

    /// The corner whose legend box covers the fewest of `points` (device pixels), first in
    /// [`Corner::PLACES`] order on a tie.
    pub fn best_corner(
        &self,
        entries: &[(String, Swatch)],
        plot: PixelRect,
        points: &[(f64, f64)],
    ) -> Corner {
        let size = self.legend_size(entries);
        let covered = |c: Corner| {
            let b = self.legend_box_sized(size, plot, c);
            points
                .iter()
                .filter(|(x, y)| *x >= b.x && *x <= b.x + b.w && *y >= b.y && *y <= b.y + b.h)
                .count()
        };
        Corner::PLACES
            .into_iter()
            .min_by_key(|c| covered(*c))
            .unwrap_or(Corner::TopLeft)
    }

    /// A legend box in a corner of `plot`; the box drawn (device pixels), if any.
    pub fn legend(
        &self,
        entries: &[(String, Swatch)],
        plot: PixelRect,
        corner: Corner,
    ) -> Option<PixelRect> {
        if entries.is_empty() || corner == Corner::Hidden {
            return None;
        }
        let size = style::LEGEND_PX;
        let (pad, swatch, gap, row) = self.legend_metrics();
        let PixelRect { x, y, w, h } = self.legend_box(entries, plot, corner);
        let ctx = &self.ctx;
        ctx.set_fill_style_str(&style::css(self.theme.legend_bg));
        ctx.fill_rect(x, y, w, h);
        for (i, (label, sw)) in entries.iter().enumerate() {
            let mid = y + pad + row * (i as f64 + 0.5);
            match sw {
                Swatch::Line { color, dash } => {
                    self.dash(dash);
                    ctx.set_stroke_style_str(&style::css(color.to_rgba()));
                    ctx.set_line_width(self.px(style::LINE_PX));
                    ctx.begin_path();
                    ctx.move_to(x + pad, mid);
                    ctx.line_to(x + pad + swatch, mid);
                    ctx.stroke();
                    self.dash(&[]);
                }
                Swatch::Fill(c) => {
                    ctx.set_fill_style_str(&style::css(*c));
                    ctx.fill_rect(x + pad, mid - row * 0.3, swatch, row * 0.6);
                }
                Swatch::Stroke { color, width } => {
                    ctx.set_stroke_style_str(&style::css(*color));
                    ctx.set_line_width(self.px(*width));
                    ctx.begin_path();
                    ctx.move_to(x + pad, mid);
                    ctx.line_to(x + pad + swatch, mid);
                    ctx.stroke();
                }
                Swatch::Hatch(c) => {
                    ctx.set_fill_style_str(&style::css(*c));
                    ctx.fill_rect(x + pad, mid - row * 0.3, swatch, row * 0.6);
                    self.hatch(x + pad, mid - row * 0.3, swatch, row * 0.6, self.theme.axis);
                }
            }
            self.text(
                label,
                x + pad + swatch + gap,
                mid + self.px(size * 0.35),
                size,
                self.theme.text,
                "start",
            );
        }
        Some(PixelRect { x, y, w, h })
    }
}
