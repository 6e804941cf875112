//! `plotActivation(canvas, options)`: f (top or left) and f′ (bottom or right) of one to six
//! activations overlaid, each with its own Okabe–Ito colour and dash pattern; optionally a
//! marker at x with the tangent to the first activation, and bands where the first activation
//! is saturated (|f′| < ε) or dead (f′ = 0). Samples come from the core's `curve`, bands from
//! its `active_intervals`, the marker from its `value_and_derivative`.
//!
//! ```js
//! const geometry = gradlab.plotActivation(canvas, {
//!   activations: ["sigmoid", { id: "leaky_relu", alpha: 0.1 }],   // 1 to 6, overlaid
//!   xMin: -6, xMax: 6,            // defaults −6, 6
//!   x: 2,                         // optional: marker on both panels, tangent on f
//!   epsilon: 0.01,                // optional: shade |f′| < ε and f′ = 0 (first activation)
//!   showDerivative: true,         // default true; false draws f only
//!   names: ["σ", "LeakyReLU"],    // optional legend labels (default: id and parameters)
//!   labels: { f: "f(x)", fprime: "f′(x)", saturated: "bão hoà", dead: "chết" },
//!   legend: "topLeft",            // or "topRight", "none"
//!   dark: false, dpr: devicePixelRatio,   // optional
//!   width: 640, height: 480,      // optional CSS size (default: the canvas's)
//! });
//! ```
//! Panels sit side by side when the canvas is more than 1.6 times as wide as it is tall.

use gradlab_core::activation::{Activation, Curve};
use plotters::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::geometry::tangent;
use super::shade::{Band, Kind, bands};
use super::style::{self, LINE_PX, TITLE_PX};
use super::{
    Corner, Frame, Geometry, Painter, PanelGeometry, PixelRect, Span, Swatch, canvas_of, draw_err,
    draw_mesh, drawable, measure, padded_range, prepare, segments,
};
use crate::convert::{ApiError, ApiResult, from_js, js_number, to_js};

/// Panel and legend texts (the page passes its translations).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Labels {
    pub f: String,
    pub fprime: String,
    pub saturated: String,
    pub dead: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            f: "f(x)".into(),
            fprime: "f′(x)".into(),
            saturated: "saturated: |f′| < ε".into(),
            dead: "dead: f′ = 0".into(),
        }
    }
}

/// The options of `plotActivation` (see the module docs).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActivationPlot {
    pub activations: Vec<Activation>,
    #[serde(default = "default_x_min")]
    pub x_min: f64,
    #[serde(default = "default_x_max")]
    pub x_max: f64,
    pub x: Option<f64>,
    pub epsilon: Option<f64>,
    #[serde(default = "yes")]
    pub show_derivative: bool,
    pub names: Option<Vec<String>>,
    #[serde(default)]
    pub labels: Labels,
    /// Default top left (where the activations' curves are lowest).
    pub legend: Option<Corner>,
    #[serde(default)]
    pub dark: bool,
    pub dpr: Option<f64>,
    pub width: Option<f64>,
    pub height: Option<f64>,
}

fn default_x_min() -> f64 {
    -6.0
}
fn default_x_max() -> f64 {
    6.0
}
fn yes() -> bool {
    true
}

/// The most activations one chart overlays.
pub const MAX_ACTIVATIONS: usize = 6;

/// `plotActivation(canvas, options)` → the chart's geometry (see [`super::Geometry`]).
#[wasm_bindgen(js_name = plotActivation, unchecked_return_type = "ChartGeometry")]
pub fn plot_activation(
    #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ActivationPlotOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let run = || -> ApiResult<JsValue> {
        let options: ActivationPlot = from_js(options)?;
        check_count(&options)?;
        let canvas = canvas_of(canvas)?;
        to_js(&draw(&canvas, &options)?)
    };
    Ok(run()?)
}

/// Everything the core computes for one chart, before anything is drawn (so an invalid option
/// leaves the previous picture in place).
struct Data {
    curves: Vec<Curve>,
    bands: Vec<Band>,
    /// (f(x), f′(x)) of each activation at the marker.
    marker: Option<(f64, Vec<(f64, f64)>)>,
}

fn check_count(o: &ActivationPlot) -> ApiResult<()> {
    let n = o.activations.len();
    if (1..=MAX_ACTIVATIONS).contains(&n) {
        Ok(())
    } else {
        Err(ApiError(format!(
            "activations: expected 1 to {MAX_ACTIVATIONS} activations, got {n}"
        )))
    }
}

fn compute(o: &ActivationPlot, samples: usize) -> ApiResult<Data> {
    check_count(o)?;
    let curves = o
        .activations
        .iter()
        .map(|a| a.curve(o.x_min, o.x_max, samples))
        .collect::<Result<Vec<_>, _>>()?;
    // The core has checked the ends; the axis also needs a finite span.
    if !drawable(o.x_min, o.x_max) {
        return Err(ApiError(format!(
            "xMax: xMax − xMin must be at most {}, got xMin = {}, xMax = {}",
            js_number(f64::MAX),
            js_number(o.x_min),
            js_number(o.x_max)
        )));
    }
    let bands = match o.epsilon {
        Some(eps) => {
            let first = &o.activations[0];
            let active = first.active_intervals(eps)?;
            bands(
                &active,
                o.x_min,
                o.x_max,
                &curves[0].x,
                &curves[0].derivative,
            )
        }
        None => Vec::new(),
    };
    let marker = o.x.filter(|x| (o.x_min..=o.x_max).contains(x)).map(|x| {
        let at = o
            .activations
            .iter()
            .map(|a| a.value_and_derivative(x))
            .collect();
        (x, at)
    });
    Ok(Data {
        curves,
        bands,
        marker,
    })
}

/// Which function a panel shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    F,
    FPrime,
}

fn draw(canvas: &web_sys::HtmlCanvasElement, o: &ActivationPlot) -> ApiResult<Geometry> {
    let frame = Frame {
        dark: o.dark,
        dpr: o.dpr,
        width: o.width,
        height: o.height,
    };
    let size = measure(canvas, &frame)?;
    let side_by_side = o.show_derivative && size.css_width > 1.6 * size.css_height;
    let panel_css_width = if side_by_side {
        size.css_width / 2.0
    } else {
        size.css_width
    };
    // One sample per CSS pixel of the panel: smooth at any dpr, half the work of one per
    // device pixel at dpr 2.
    let samples = panel_css_width.clamp(100.0, 2400.0) as usize;
    let data = compute(o, samples)?;

    let surface = prepare(canvas, size, o.dark)?;
    let p = &surface.painter;
    let areas = if !o.show_derivative {
        vec![(Panel::F, surface.root.clone())]
    } else if side_by_side {
        let (w, _) = surface.root.dim_in_pixel();
        let (a, b) = surface.root.split_horizontally(w / 2);
        vec![(Panel::F, a), (Panel::FPrime, b)]
    } else {
        let (_, h) = surface.root.dim_in_pixel();
        let (a, b) = surface.root.split_vertically(h / 2);
        vec![(Panel::F, a), (Panel::FPrime, b)]
    };
    let mut panels = Vec::with_capacity(areas.len());
    for (panel, area) in &areas {
        panels.push(draw_panel(area, *panel, o, &data, p)?);
    }
    Ok(Geometry {
        width: size.css_width,
        height: size.css_height,
        dpr: size.dpr,
        panels,
    })
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    panel: Panel,
    o: &ActivationPlot,
    data: &Data,
    p: &Painter,
) -> ApiResult<PanelGeometry> {
    let theme = &p.theme;
    let ys = |c: &Curve| -> Vec<f64> {
        match panel {
            Panel::F => c.value.clone(),
            Panel::FPrime => c.derivative.clone(),
        }
    };
    let all: Vec<Vec<f64>> = data.curves.iter().map(ys).collect();
    let eps_lines: Vec<f64> = match (panel, o.epsilon) {
        (Panel::FPrime, Some(e)) => vec![e, -e],
        _ => Vec::new(),
    };
    let (y_lo, y_hi) = padded_range(
        all.iter().flatten().copied(),
        panel == Panel::FPrime,
        (-1.0, 1.0),
    );
    let (x_lo, x_hi) = (o.x_min, o.x_max);
    let (x_span, y_span) = (Span::linear(x_lo, x_hi), Span::linear(y_lo, y_hi));

    let mut chart = ChartBuilder::on(area)
        .margin_top(p.ipx(TITLE_PX * 1.9))
        .margin_right(p.ipx(14.0))
        .margin_left(p.ipx(4.0))
        .margin_bottom(p.ipx(4.0))
        .x_label_area_size(p.ipx(style::TICK_PX * 2.2))
        .y_label_area_size(p.ipx(style::TICK_PX * 4.4))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    let rect = PixelRect::of(chart.plotting_area());

    // Bands first, under everything.
    chart
        .draw_series(data.bands.iter().map(|b| {
            let color = match b.kind {
                Kind::Saturated => theme.saturated,
                Kind::Dead => theme.dead,
            };
            Rectangle::new([(b.lo, y_lo), (b.hi, y_hi)], color.filled())
        }))
        .map_err(draw_err)?;
    draw_mesh(&mut chart, p, rect)?;

    let thin = p.ipx(1.0).max(1) as u32;
    let axis = theme.axis.stroke_width(thin);
    if y_lo < 0.0 && 0.0 < y_hi {
        chart
            .draw_series([PathElement::new(vec![(x_lo, 0.0), (x_hi, 0.0)], axis)])
            .map_err(draw_err)?;
    }
    if x_lo < 0.0 && 0.0 < x_hi {
        chart
            .draw_series([PathElement::new(vec![(0.0, y_lo), (0.0, y_hi)], axis)])
            .map_err(draw_err)?;
    }
    p.dash(&[2.0, 4.0]);
    for e in eps_lines.iter().filter(|e| (y_lo..=y_hi).contains(*e)) {
        chart
            .draw_series([PathElement::new(vec![(x_lo, *e), (x_hi, *e)], axis)])
            .map_err(draw_err)?;
    }
    p.dash(&[]);

    let line = p.ipx(LINE_PX).max(1) as u32;
    p.clip(rect);
    let mut drawn = Ok(());
    for (i, (curve, values)) in data.curves.iter().zip(&all).enumerate() {
        let (color, dash) = theme.series(i);
        p.dash(dash);
        let style = color.stroke_width(line);
        drawn = chart
            .draw_series(
                segments(&curve.x, values, x_span, y_span)
                    .into_iter()
                    .map(|seg| PathElement::new(seg, style)),
            )
            .map(|_| ());
        if drawn.is_err() {
            break;
        }
    }
    p.dash(&[]);
    p.unclip();
    drawn.map_err(draw_err)?;

    if let Some((x, at)) = &data.marker {
        p.dash(&[3.0, 3.0]);
        let drawn = chart.draw_series([PathElement::new(vec![(*x, y_lo), (*x, y_hi)], axis)]);
        p.dash(&[]);
        drawn.map_err(draw_err)?;
        if panel == Panel::F
            && let Some(&(fx, dfx)) = at.first()
        {
            if let Some(tangent) = tangent(*x, fx, dfx, x_span, y_span) {
                p.clip(rect);
                let drawn = chart.draw_series([PathElement::new(
                    tangent.to_vec(),
                    theme.text.mix(0.75).stroke_width(p.ipx(1.25).max(1) as u32),
                )]);
                p.unclip();
                drawn.map_err(draw_err)?;
            }
        }
        for (i, &(fx, dfx)) in at.iter().enumerate() {
            let y = if panel == Panel::F { fx } else { dfx };
            if y.is_finite() && (y_lo..=y_hi).contains(&y) {
                let (color, _) = theme.series(i);
                chart
                    .draw_series([
                        Circle::new((*x, y), p.ipx(4.5), color.filled()),
                        Circle::new((*x, y), p.ipx(4.5), theme.text.stroke_width(thin)),
                    ])
                    .map_err(draw_err)?;
            }
        }
    }

    let (_, area_y) = area.get_pixel_range();
    let title = match panel {
        Panel::F => &o.labels.f,
        Panel::FPrime => &o.labels.fprime,
    };
    p.text(
        title,
        rect.x,
        f64::from(area_y.start) + p.px(TITLE_PX * 1.3),
        TITLE_PX,
        theme.text,
        "start",
    );
    if panel == Panel::F {
        let corner = o.legend.unwrap_or(Corner::TopLeft);
        p.legend(&legend(o, data, p), rect, corner);
    }
    Ok(PanelGeometry {
        id: match panel {
            Panel::F => "f",
            Panel::FPrime => "fprime",
        },
        left: rect.x / p.dpr,
        top: rect.y / p.dpr,
        width: rect.w / p.dpr,
        height: rect.h / p.dpr,
        x_min: x_lo,
        x_max: x_hi,
        y_min: y_lo,
        y_max: y_hi,
        log_y: false,
    })
}

fn legend(o: &ActivationPlot, data: &Data, p: &Painter) -> Vec<(String, Swatch)> {
    let names = o.names.as_deref().unwrap_or(&[]);
    let mut entries: Vec<(String, Swatch)> = o
        .activations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (color, dash) = p.theme.series(i);
            let label = names
                .get(i)
                .cloned()
                .unwrap_or_else(|| style::activation_label(a));
            (label, Swatch::Line { color, dash })
        })
        .collect();
    if data.bands.iter().any(|b| b.kind == Kind::Saturated) {
        entries.push((o.labels.saturated.clone(), Swatch::Fill(p.theme.saturated)));
    }
    if data.bands.iter().any(|b| b.kind == Kind::Dead) {
        entries.push((o.labels.dead.clone(), Swatch::Fill(p.theme.dead)));
    }
    entries
}
