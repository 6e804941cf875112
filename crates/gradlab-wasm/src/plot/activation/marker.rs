//! The part of the activation chart that follows x: a dashed vertical line on every panel, the
//! tangent y = f(x) + f′(x)(t − x) of the first activation on the f panel, and a dot on each
//! curve of the f and f′ panels. Drawn straight on the canvas context over the rest of the
//! chart (which is kept, see `Layer` in the module above), from the panels' geometry and the
//! core's values at x.

use plotters::style::{Color, RGBAColor};

use super::panel::Panel;
use crate::plot::geometry::tangent;
use crate::plot::{Painter, PanelGeometry, PixelRect, Span, style};

/// One panel as the marker needs it: what it shows and where (CSS px and data ranges).
#[derive(Debug, Clone)]
pub struct MarkerPanel {
    pub panel: Panel,
    pub geometry: PanelGeometry,
}

/// (f(x), f′(x)) of each activation at x, from the core.
pub type AtX = Vec<(f64, f64)>;

pub fn draw_marker(p: &Painter, panels: &[MarkerPanel], x: f64, at: &AtX) {
    let theme = &p.theme;
    for MarkerPanel { panel, geometry: g } in panels {
        if !(g.x_min..=g.x_max).contains(&x) {
            continue;
        }
        let rect = PixelRect {
            x: g.left * p.dpr,
            y: g.top * p.dpr,
            w: g.width * p.dpr,
            h: g.height * p.dpr,
        };
        let to_px = |dx: f64, dy: f64| -> (f64, f64) {
            (
                rect.x + (dx - g.x_min) / (g.x_max - g.x_min) * rect.w,
                rect.y + (g.y_max - dy) / (g.y_max - g.y_min) * rect.h,
            )
        };
        let ctx = &p.ctx;
        let (px, _) = to_px(x, g.y_max);
        p.dash(&[3.0, 3.0]);
        stroke(p, theme.axis, 1.0, &[(px, rect.y), (px, rect.y + rect.h)]);
        p.dash(&[]);
        if *panel == Panel::F
            && let Some(&(fx, dfx)) = at.first()
        {
            let (xs, ys) = (
                Span::linear(g.x_min, g.x_max),
                Span::linear(g.y_min, g.y_max),
            );
            if let Some([a, b]) = tangent(x, fx, dfx, xs, ys) {
                p.clip(rect);
                stroke(
                    p,
                    theme.text.mix(0.75),
                    1.25,
                    &[to_px(a.0, a.1), to_px(b.0, b.1)],
                );
                p.unclip();
            }
        }
        if *panel == Panel::Difference {
            continue;
        }
        for (i, &(fx, dfx)) in at.iter().enumerate() {
            let y = if *panel == Panel::F { fx } else { dfx };
            if !(y.is_finite() && (g.y_min..=g.y_max).contains(&y)) {
                continue;
            }
            let (cx, cy) = to_px(x, y);
            let (color, _) = theme.series(i);
            ctx.begin_path();
            let _ = ctx.arc(cx, cy, p.px(4.5), 0.0, std::f64::consts::TAU);
            ctx.set_fill_style_str(&style::css(color.to_rgba()));
            ctx.fill();
            ctx.set_stroke_style_str(&style::css(theme.text.to_rgba()));
            ctx.set_line_width(p.px(1.0));
            ctx.stroke();
        }
    }
}

/// A polyline of `width` CSS px through device-pixel points.
fn stroke(p: &Painter, color: RGBAColor, width: f64, points: &[(f64, f64)]) {
    let ctx = &p.ctx;
    ctx.set_stroke_style_str(&style::css(color));
    ctx.set_line_width(p.px(width));
    ctx.begin_path();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            ctx.move_to(*x, *y);
        } else {
            ctx.line_to(*x, *y);
        }
    }
    ctx.stroke();
}
