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
//!
//! Submodules: `activation` and `series` (the two charts), `painter` (direct canvas drawing),
//! `geometry` (pure helpers: ranges, bounded polylines, the tangent), `style` (palette, dashes,
//! fonts, tick labels). Plotting needs a DOM, so only the
//! pure parts are unit-tested here; the charts themselves are checked in a browser.

#[cfg(feature = "activation-chart")]
pub mod activation;
pub mod geometry;
pub mod painter;
#[cfg(feature = "training")]
pub mod series;
#[cfg(feature = "training")]
mod series_y;
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
pub use geometry::{PixelRect, Span, drawable, log_ticks, padded_range, segments, traced_points};
pub use painter::{Corner, Painter, Swatch};
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
        return Err(ApiError::invalid(format!(
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
    value.dyn_into::<HtmlCanvasElement>().map_err(|v| {
        ApiError::type_error(format!(
            "canvas: expected an HTMLCanvasElement, got {}",
            crate::convert::describe(&v)
        ))
    })
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
        .ok_or_else(|| {
            ApiError::invalid("canvas: no 2D context (is it already used for WebGL?)")
        })?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(js_err)?;
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ApiError::invalid("canvas: no 2D context"))?;
    Ok(Surface {
        root: backend.into_drawing_area(),
        painter: Painter {
            ctx,
            dpr: size.dpr,
            theme: Theme::new(dark),
        },
    })
}

/// A drawing error as an API error.
pub fn draw_err<E: std::fmt::Display>(e: E) -> ApiError {
    ApiError::internal(format!("canvas: drawing failed: {e}"))
}

fn js_err(e: JsValue) -> ApiError {
    ApiError::invalid(format!(
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
    /// Where the legend was drawn (a series chart's), in CSS pixels; null without one.
    pub legend: Option<CssRect>,
}

/// A rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CssRect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl CssRect {
    pub fn of(rect: PixelRect, dpr: f64) -> Self {
        CssRect {
            left: rect.x / dpr,
            top: rect.y / dpr,
            width: rect.w / dpr,
            height: rect.h / dpr,
        }
    }
}

impl PanelGeometry {
    /// The panel drawn in `rect` (device pixels) with these axis ranges, in CSS pixels.
    pub fn new(
        id: &'static str,
        rect: PixelRect,
        dpr: f64,
        x: (f64, f64),
        y: (f64, f64),
        log_y: bool,
    ) -> Self {
        let CssRect {
            left,
            top,
            width,
            height,
        } = CssRect::of(rect, dpr);
        PanelGeometry {
            id,
            left,
            top,
            width,
            height,
            x_min: x.0,
            x_max: x.1,
            y_min: y.0,
            y_max: y.1,
            log_y,
            legend: None,
        }
    }
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

/// Draws a chart's mesh (grid, axes, tick labels) in the painter's style; a y tick at `v` on the
/// axis is labelled `y_value(v)` (the value itself, or 10^v on a logarithmic series axis).
pub fn draw_mesh<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    painter: &Painter,
    plot: PixelRect,
    y_value: fn(f64) -> f64,
) -> ApiResult<()>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let theme = &painter.theme;
    let x_labels = ((plot.w / painter.dpr) / 70.0).clamp(2.0, 12.0) as usize;
    let y_labels = style::y_label_count(plot.h / painter.dpr);
    // A tick a hair away from 0 on an axis across 0 is rounding noise (2.5e−18): write 0.
    let near_zero = |r: std::ops::Range<f64>, v: f64| {
        r.start < 0.0 && 0.0 < r.end && v.abs() < 1e-9 * (r.end - r.start)
    };
    let (xr, yr) = (chart.x_range(), chart.y_range());
    let x_tick = move |v: &f64| style::tick_label(if near_zero(xr.clone(), *v) { 0.0 } else { *v });
    let y_tick =
        move |v: &f64| style::tick_label(y_value(if near_zero(yr.clone(), *v) { 0.0 } else { *v }));
    chart
        .configure_mesh()
        .max_light_lines(0)
        .bold_line_style(theme.grid.stroke_width(painter.ipx(1.0).max(1) as u32))
        .axis_style(theme.axis.stroke_width(painter.ipx(1.0).max(1) as u32))
        .label_style(painter.font(style::TICK_PX, theme.muted))
        .set_all_tick_mark_size(painter.ipx(4.0))
        .x_labels(x_labels)
        .y_labels(y_labels)
        .x_label_formatter(&x_tick)
        .y_label_formatter(&y_tick)
        .draw()
        .map_err(draw_err)
}
