//! `plotActivation(canvas, options)`: f and f′ of one to six activations overlaid, each with its
//! own Okabe–Ito colour and dash pattern; optionally a marker at x with the tangent to the first
//! activation, bands where the first activation is saturated (|f′| < ε) or dead (f′ = 0),
//! f′(x)ⁿ of the first activation, marked points on its f′, and a third panel with each
//! activation's difference from a reference (GELU's approximations against the exact GELU).
//! Samples come from the core's `curve` and `difference_curve`, bands from its `regions`,
//! f′ⁿ from its `layer_factor`, the largest differences from its `difference`, the markers
//! from its `value_and_derivative`: this module only draws.
//!
//! ```js
//! const geometry = gradlab.plotActivation(canvas, {
//!   activations: ["sigmoid", { id: "leaky_relu", alpha: 0.1 }],   // 1 to 6, overlaid
//!   xMin: -6, xMax: 6,            // defaults −6, 6
//!   x: 2,                         // optional: marker on every panel, tangent on f
//!   epsilon: 0.01,                // optional: shade |f′| < ε and f′ = 0 (first activation)
//!   showDerivative: true,         // default true; false leaves out the f′ panel
//!   power: 10,                    // optional n ≥ 2: f′(x)ⁿ of the first activation, dotted
//!   reference: "gelu",            // optional: a panel of f − f_reference for the others
//!   points: [0, 5, -5],           // optional: x of points marked on the first activation's f′
//!   names: ["σ", "LeakyReLU"],    // optional legend labels (default: id and parameters)
//!   labels: { f, fprime, saturated, dead, power, difference, saturatedShort, deadShort },
//!   legend: "topLeft",            // or "topRight", "none"
//!   dark: false, dpr: devicePixelRatio,   // optional
//!   width: 640, height: 480,      // optional CSS size (default: the canvas's)
//! });
//! // → { width, height, dpr, panels: [{ id: "f" | "fprime" | "difference", left, top, width,
//! //      height, xMin, xMax, yMin, yMax, logY }], points: [{ x, left, top }],
//! //      differences: [{ index, maxAbs, at, signed }] }
//! ```
//! `plotActivationAt(canvas, x)` paints the chart last drawn on that canvas again with the marker
//! at a new x (→ `true`; `false` when there is none: call `plotActivation`).
//!
//! Panels sit side by side when the canvas is more than 1.6 times as wide as it is tall (the
//! difference panel then spans the width below them); otherwise they are stacked.
//!
//! This file owns the entry point, the returned geometry, the cached layer under the marker and
//! the layout of the panels. Submodules: `options` (the options, their defaults, limits and
//! checks), `data` (what the core computes before drawing), `panel` (one panel without the
//! marker) and `marker` (what follows x).

mod data;
mod marker;
mod options;
mod panel;

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{Frame, Geometry, Size, canvas_of, draw_err, measure, prepare};
use crate::convert::{
    ApiError, ApiResult, Numbers, finite, from_json, in_argument, js_to_json, respond,
};
use data::{at_x, compute};
use marker::{MarkerPanel, draw_marker};
use options::check;
use panel::{Panel, draw_panel};

pub use data::{Data, Differences};
pub use options::{ActivationPlot, Labels, MAX_ACTIVATIONS, MAX_POINTS, MAX_POWER};

/// A marked point in CSS pixels (on the f′ panel), for hit testing.
#[derive(Debug, Clone, Serialize)]
pub struct PointGeometry {
    pub x: f64,
    pub left: f64,
    pub top: f64,
}

/// The largest |f − f_reference| of activation `index` (as the core's `difference`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DifferenceGeometry {
    pub index: usize,
    pub max_abs: f64,
    pub at: f64,
    pub signed: f64,
}

/// What `plotActivation` returns: the panels, plus the marked points and differences.
#[derive(Debug, Clone, Serialize)]
pub struct ActivationGeometry {
    #[serde(flatten)]
    pub geometry: Geometry,
    pub points: Vec<PointGeometry>,
    pub differences: Vec<DifferenceGeometry>,
}

/// `plotActivation(canvas, options)` → the chart's geometry (see the module docs).
#[wasm_bindgen(js_name = plotActivation, unchecked_return_type = "ActivationChartGeometry")]
pub fn plot_activation(
    #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ActivationPlotOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let value = js_to_json(&options, Numbers::Finite).map_err(|e| in_argument("options", e))?;
        let options: ActivationPlot = from_json(value).map_err(|e| in_argument("options", e))?;
        check(&options)?;
        draw(&canvas_of(canvas)?, &options)
    })
}

/// `plotActivationAt(canvas, x)` → `true` when the chart `plotActivation` last drew on `canvas`
/// was painted again with its marker at `x` (every other option, the size and the geometry as
/// they were), `false` when there is no such chart (then call `plotActivation`). For a slider or
/// a drag that moves x only: reading the options again was half the time of such a step.
#[wasm_bindgen(js_name = plotActivationAt)]
pub fn plot_activation_at(
    #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue,
) -> Result<bool, JsValue> {
    let run = || -> ApiResult<bool> {
        let canvas = canvas_of(canvas)?;
        let x = finite("x", &x)?;
        LAYER.with(|cell| {
            let cached = cell.borrow();
            let Some(layer) = cached
                .as_ref()
                .filter(|l| JsValue::from(&l.target) == JsValue::from(&canvas))
            else {
                return Ok(false);
            };
            paint(&canvas, layer, Some(x))?;
            Ok(true)
        })
    };
    Ok(run()?)
}

/// The chart without its marker, as last drawn, so that moving x only repaints the marker:
/// the picture (a detached canvas), what it was drawn for (the options but x, and the size:
/// compared field by field, which costs less wasm and time than a text key), and its geometry.
struct Layer {
    target: HtmlCanvasElement,
    drawn_for: (ActivationPlot, Size),
    image: HtmlCanvasElement,
    geometry: ActivationGeometry,
    panels: Vec<MarkerPanel>,
}

thread_local! {
    static LAYER: RefCell<Option<Layer>> = const { RefCell::new(None) };
}

/// Draws the chart: the layer under the marker (reused when only x changed), then the marker.
fn draw(canvas: &HtmlCanvasElement, o: &ActivationPlot) -> ApiResult<ActivationGeometry> {
    let frame = Frame {
        dark: o.dark,
        dpr: o.dpr,
        width: o.width,
        height: o.height,
    };
    let size = measure(canvas, &frame)?;
    // Everything but x decides the picture under the marker.
    let drawn_for = (
        ActivationPlot {
            x: None,
            ..o.clone()
        },
        size,
    );
    LAYER.with(|cell| {
        let mut cached = cell.borrow_mut();
        let reusable = cached.as_ref().is_some_and(|l| {
            l.drawn_for == drawn_for && JsValue::from(&l.target) == JsValue::from(canvas)
        });
        if !reusable {
            let image = match cached.take() {
                Some(l) => l.image,
                None => canvas
                    .clone_node()
                    .ok()
                    .and_then(|n| n.dyn_into::<HtmlCanvasElement>().ok())
                    .ok_or_else(|| ApiError::invalid("canvas: cannot create a drawing layer"))?,
            };
            let (geometry, panels) = draw_layer(&image, size, o)?;
            *cached = Some(Layer {
                target: canvas.clone(),
                drawn_for,
                image,
                geometry,
                panels,
            });
        }
        let layer = cached
            .as_ref()
            .ok_or_else(|| ApiError::invalid("canvas: no layer"))?;
        paint(canvas, layer, o.x)?;
        Ok(layer.geometry.clone())
    })
}

/// Paints `layer` on `canvas`, then the marker at `x` (if set and in the layer's range).
fn paint(canvas: &HtmlCanvasElement, layer: &Layer, x: Option<f64>) -> ApiResult<()> {
    let (o, size) = &layer.drawn_for;
    let surface = prepare(canvas, *size, o.dark)?;
    surface
        .painter
        .ctx
        .draw_image_with_html_canvas_element(&layer.image, 0.0, 0.0)
        .map_err(|e| draw_err(format!("{e:?}")))?;
    if let Some((x, at)) = &at_x(o, x) {
        draw_marker(&surface.painter, &layer.panels, *x, at);
    }
    Ok(())
}

/// Draws everything but the marker on `image`.
fn draw_layer(
    image: &HtmlCanvasElement,
    size: Size,
    o: &ActivationPlot,
) -> ApiResult<(ActivationGeometry, Vec<MarkerPanel>)> {
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

    let surface = prepare(image, size, o.dark)?;
    let p = &surface.painter;
    let root = surface.root.clone();
    let (w, h) = root.dim_in_pixel();
    let with_difference = data.differences.is_some();
    // The main row (f, or f and f′) and, below it, the difference panel.
    let (main, diff) = if with_difference {
        let share = if side_by_side || !o.show_derivative {
            0.62
        } else {
            0.68
        };
        let (a, b) = root.split_vertically((f64::from(h) * share).round() as u32);
        (a, Some(b))
    } else {
        (root, None)
    };
    let mut areas = if !o.show_derivative {
        vec![(Panel::F, main)]
    } else if side_by_side {
        let (a, b) = main.split_horizontally(w / 2);
        vec![(Panel::F, a), (Panel::FPrime, b)]
    } else {
        let (_, mh) = main.dim_in_pixel();
        let (a, b) = main.split_vertically(mh / 2);
        vec![(Panel::F, a), (Panel::FPrime, b)]
    };
    if let Some(d) = diff {
        areas.push((Panel::Difference, d));
    }
    let mut panels = Vec::with_capacity(areas.len());
    let mut points = Vec::new();
    for (panel, area) in &areas {
        let (geometry, marked) = draw_panel(area, *panel, o, &data, p)?;
        panels.push(MarkerPanel {
            panel: *panel,
            geometry,
        });
        points.extend(marked);
    }
    let differences = data
        .differences
        .iter()
        .flat_map(|d| &d.curves)
        .map(|(index, _, max)| DifferenceGeometry {
            index: *index,
            max_abs: max.max_abs,
            at: max.at,
            signed: max.signed,
        })
        .collect();
    let geometry = ActivationGeometry {
        geometry: Geometry {
            width: size.css_width,
            height: size.css_height,
            dpr: size.dpr,
            panels: panels.iter().map(|m| m.geometry.clone()).collect(),
        },
        points,
        differences,
    };
    Ok((geometry, panels))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradlab_core::activation::{Activation, layer_factor};

    fn options(v: serde_json::Value) -> ApiResult<ActivationPlot> {
        crate::convert::from_json(v)
    }

    #[test]
    fn options_are_checked_before_drawing() {
        let o = options(serde_json::json!({ "activations": [] })).unwrap();
        assert!(check(&o).unwrap_err().message.starts_with("activations: "));
        let o = options(serde_json::json!({ "activations": ["relu"], "power": 2.5 })).unwrap();
        assert!(check(&o).unwrap_err().message.starts_with("power: "));
        let o = options(serde_json::json!({ "activations": ["relu"], "power": 0 })).unwrap();
        assert!(check(&o).unwrap_err().message.starts_with("power: "));
        let e = options(serde_json::json!({ "activations": ["relu"], "labels": { "g": "" } }));
        assert!(e.unwrap_err().message.contains("unknown field `g`"));
    }

    #[test]
    fn compute_asks_the_core() {
        let o = options(serde_json::json!({
            "activations": ["gelu_tanh", "gelu", "gelu_sigmoid"],
            "x": 1.0, "epsilon": 0.01, "power": 3, "reference": "gelu", "points": [0, 9]
        }))
        .unwrap();
        let d = compute(&o, 101).unwrap();
        assert_eq!(d.curves.len(), 3);
        let (n, ys) = d.power.unwrap();
        assert_eq!(n, 3);
        assert_eq!(ys[50], layer_factor(d.curves[0].derivative[50], 3));
        // Point 9 is outside [−6, 6].
        assert_eq!(d.points, vec![(0.0, Activation::GeluTanh.derivative(0.0))]);
        let diffs = d.differences.unwrap().curves;
        assert_eq!(diffs.iter().map(|c| c.0).collect::<Vec<_>>(), vec![0, 2]);
        assert!((diffs[0].2.max_abs - 4.732355206872849e-4).abs() < 1e-12);
        assert_eq!(
            d.regions,
            Activation::GeluTanh.regions(0.01, -6.0, 6.0).unwrap()
        );
        let bad =
            options(serde_json::json!({ "activations": ["relu"], "xMin": 1, "xMax": 0 })).unwrap();
        assert!(compute(&bad, 100).is_err());
    }
}
