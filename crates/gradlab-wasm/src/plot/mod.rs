//! Charts drawn with plotters on an HTML canvas (plotters-canvas), crisp at devicePixelRatio:
//! [`activation::plot_activation`] (`plotActivation`, f and f′ of up to six activations) and
//! [`series::plot_series`] (`plotSeries`, line charts such as loss curves).
//!
//! **Sizing.** The page gives the canvas its CSS size; each call reads it with
//! `getBoundingClientRect()` (or takes `width`/`height` from the options, in CSS pixels), sets
//! the backing store to `cssWidth·dpr × cssHeight·dpr` and draws at that resolution with every
//! length (fonts, lines, dashes, margins) multiplied by dpr. The canvas must have a CSS size:
//! without one its layout size *is* the backing store, which would grow on every redraw.
//!
//! **Division of labour.** plotters maps data to pixels and draws the mesh, curves, bands and
//! markers; text that needs measuring (legends, titles) goes straight to the canvas 2D context
//! (`measureText`), because plotters' own text measuring on wasm inserts a `<span>` with a
//! `style` attribute into the page — slow (a layout per label) and blocked by the page's
//! Content Security Policy. So no plotters caption, legend or right-hand label area is used.
//! Dash patterns use the context's `setLineDash` (one stroke per curve, not one per dash).
//!
//! Every call returns the chart's geometry in CSS pixels (`{ width, height, dpr, panels: [{ id,
//! left, top, width, height, xMin, xMax, yMin, yMax, logY }] }`) so the page can map a pointer
//! position to data coordinates (e.g. to drag x on the activation chart).

pub mod activation;
pub mod series;
pub mod shade;
pub mod style;

use plotters::coord::Shift;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::convert::{ApiError, ApiResult};
use style::Theme;

/// Largest backing store side, in device pixels (a mistake should not allocate gigabytes).
const MAX_SIDE: f64 = 8192.0;

/// The options every chart shares, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub dark: bool,
    /// devicePixelRatio (default: the window's).
    pub dpr: Option<f64>,
    /// CSS size, overriding the canvas's measured size.
    pub width: Option<f64>,
    pub height: Option<f64>,
}

/// The canvas's size in CSS pixels and the device pixel ratio to draw at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub css_width: f64,
    pub css_height: f64,
    pub dpr: f64,
}

/// A canvas ready to draw on: sized, cleared, with its 2D context.
pub struct Surface {
    pub root: DrawingArea<CanvasBackend, Shift>,
    pub painter: Painter,
}

/// Reads the canvas's CSS size (or the frame's) and the device pixel ratio.
pub fn measure(canvas: &HtmlCanvasElement, frame: &Frame) -> ApiResult<Size> {
    let dpr = frame
        .dpr
        .or_else(|| web_sys::window().map(|w| w.device_pixel_ratio()))
        .filter(|d| d.is_finite() && *d > 0.0)
        .unwrap_or(1.0)
        .clamp(0.5, 4.0);
    let (mut css_width, mut css_height) = (frame.width, frame.height);
    if css_width.is_none() || css_height.is_none() {
        let rect = canvas.get_bounding_client_rect();
        css_width = css_width.or(Some(rect.width()));
        css_height = css_height.or(Some(rect.height()));
    }
    let (css_width, css_height) = (css_width.unwrap_or(0.0), css_height.unwrap_or(0.0));
    if !(css_width >= 1.0 && css_height >= 1.0) {
        return Err(ApiError(format!(
            "canvas: it has no size ({css_width} × {css_height} CSS pixels); give it a CSS width \
             and height, or pass width and height"
        )));
    }
    Ok(Size {
        css_width,
        css_height,
        dpr,
    })
}

/// The canvas argument as a canvas.
pub fn canvas_of(value: JsValue) -> ApiResult<HtmlCanvasElement> {
    value
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| ApiError("canvas: expected an HTMLCanvasElement".into()))
}

/// Sizes the backing store to `size` (device pixels) and clears it.
pub fn prepare(canvas: &HtmlCanvasElement, size: Size, dark: bool) -> ApiResult<Surface> {
    let w = (size.css_width * size.dpr).round().min(MAX_SIDE) as u32;
    let h = (size.css_height * size.dpr).round().min(MAX_SIDE) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| ApiError("canvas: no 2D context (is it already used for WebGL?)".into()))?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(js_err)?;
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ApiError("canvas: no 2D context".into()))?;
    Ok(Surface {
        root: backend.into_drawing_area(),
        painter: Painter {
            ctx,
            dpr: size.dpr,
            theme: Theme::new(dark),
        },
    })
}

/// The polyline through (xs, ys) split at every non-finite point (a gap).
pub fn segments(xs: &[f64], ys: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (&x, &y) in xs.iter().zip(ys) {
        if x.is_finite() && y.is_finite() {
            current.push((x, y));
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A padded [lo, hi] around the finite `values` (and 0 if `with_zero`); `fallback` if none.
pub fn padded_range(
    values: impl IntoIterator<Item = f64>,
    with_zero: bool,
    fallback: (f64, f64),
) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if with_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if lo > hi {
        return fallback;
    }
    let span = hi - lo;
    if span <= 1e-12 * lo.abs().max(hi.abs()).max(1e-300) {
        let half = (lo.abs() * 0.1).max(1.0);
        return (lo - half, hi + half);
    }
    let pad = span * 0.06;
    let (plo, phi) = (lo - pad, hi + pad);
    if plo.is_finite() && phi.is_finite() {
        (plo, phi)
    } else {
        (lo, hi)
    }
}

/// A drawing error as an API error.
pub fn draw_err<E: std::fmt::Display>(e: E) -> ApiError {
    ApiError(format!("canvas: drawing failed: {e}"))
}

fn js_err(e: JsValue) -> ApiError {
    ApiError(format!(
        "canvas: {}",
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    ))
}

/// One panel of a chart, in CSS pixels, for mapping pointer events to data.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelGeometry {
    /// `"f"`, `"fprime"` or `"series"`.
    pub id: &'static str,
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub log_y: bool,
}

/// What a chart call returns.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
    pub panels: Vec<PanelGeometry>,
}

/// A rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl PixelRect {
    /// The plotting area of a plotters drawing area.
    pub fn of<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(
        area: &DrawingArea<DB, CT>,
    ) -> PixelRect {
        let (xs, ys) = area.get_pixel_range();
        PixelRect {
            x: f64::from(xs.start),
            y: f64::from(ys.start),
            w: f64::from(xs.end - xs.start),
            h: f64::from(ys.end - ys.start),
        }
    }
}

/// How a legend entry is drawn.
#[derive(Debug, Clone)]
pub enum Swatch {
    Line {
        color: RGBColor,
        dash: &'static [f64],
    },
    Fill(RGBAColor),
}

/// Where a legend sits inside the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    TopLeft,
    TopRight,
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
        (style::FONT, self.px(css)).into_font().color(&color)
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

    /// A legend box in a corner of `plot`.
    pub fn legend(&self, entries: &[(String, Swatch)], plot: PixelRect, corner: Corner) {
        if entries.is_empty() {
            return;
        }
        let size = style::LEGEND_PX;
        let (pad, swatch, gap, row) = (
            self.px(6.0),
            self.px(26.0),
            self.px(6.0),
            self.px(size * 1.45),
        );
        let text_w = entries
            .iter()
            .map(|(label, _)| self.measure(label, size))
            .fold(0.0, f64::max);
        let w = pad * 2.0 + swatch + gap + text_w;
        let h = pad * 2.0 + row * entries.len() as f64;
        let inset = self.px(8.0);
        let x = match corner {
            Corner::TopLeft => plot.x + inset,
            Corner::TopRight => plot.x + plot.w - inset - w,
        };
        let y = plot.y + inset;
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
    }
}

/// Draws a chart's mesh (grid, axes, tick labels) in the painter's style.
pub fn draw_mesh<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    painter: &Painter,
    plot: PixelRect,
) -> ApiResult<()>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let theme = &painter.theme;
    let x_labels = ((plot.w / painter.dpr) / 70.0).clamp(2.0, 12.0) as usize;
    let y_labels = ((plot.h / painter.dpr) / 36.0).clamp(2.0, 10.0) as usize;
    let tick = |v: &f64| style::tick_label(*v);
    chart
        .configure_mesh()
        .max_light_lines(0)
        .bold_line_style(theme.grid.stroke_width(painter.ipx(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(painter.ipx(1.0).max(1) as u32))
        .label_style(painter.font(style::TICK_PX, theme.muted))
        .set_all_tick_mark_size(painter.ipx(4.0))
        .x_labels(x_labels)
        .y_labels(y_labels)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .draw()
        .map_err(draw_err)
}
