//! `plotSeries(canvas, options)`: a generic line chart (loss curves, gradient norms per layer),
//! linear or logarithmic in y, one Okabe–Ito colour and dash pattern per series.
//!
//! ```js
//! const geometry = gradlab.plotSeries(canvas, {
//!   series: [{ label: "layer 1", x: [1, 2, 3], y: [0.5, 0.1, 0.01] }, ...],   // up to 12
//!   logY: true,                   // default false; values ≤ 0 are then left out
//!   xLabel: "step", yLabel: "‖∂L/∂W‖",
//!   legend: "topRight",           // or "topLeft", "bottomLeft", "bottomRight", "none"; default:
//!                                 // the corner where it hides the least of the lines
//!                                 // (unlabelled series are not listed)
//!   xMin, xMax, yMin, yMax,       // optional fixed axes (default: fit the data)
//!   lineWidth: 1,                 // CSS px, 1 to 4; default 2
//!   dark: false, dpr: devicePixelRatio, width, height,   // optional
//! });
//! ```
//! `null`, `NaN` and `±Infinity` in `x` or `y` are gaps in the line (a diverged run still
//! plots up to where it diverged).

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::series_y::SeriesY;
use super::style::{self, TICK_PX};
use super::{
    Corner, CssRect, Frame, Geometry, Painter, PanelGeometry, PixelRect, Span, Swatch, canvas_of,
    draw_err, draw_mesh, drawable, measure, padded_range, prepare, segments, traced_points,
};
use crate::convert::{
    ApiError, ApiResult, Numbers, from_json, in_argument, js_number, js_to_json, respond,
};

/// The most series one chart draws, and the most points in all.
pub const MAX_SERIES: usize = 12;
pub const MAX_POINTS: usize = 1_000_000;
/// The most decades a logarithmic y axis spans.
pub const MAX_LOG_DECADES: i32 = 300;
const MAX_LOG_RATIO: f64 = 1e300;

/// One line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesData {
    #[serde(default)]
    pub label: Option<String>,
    pub x: Vec<Option<f64>>,
    pub y: Vec<Option<f64>>,
}

/// The options of `plotSeries` (see the module docs).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeriesPlot {
    pub series: Vec<SeriesData>,
    #[serde(default)]
    pub log_y: bool,
    pub x_label: Option<String>,
    pub y_label: Option<String>,
    /// Default: the corner whose legend box covers the fewest points of the lines.
    pub legend: Option<Corner>,
    pub x_min: Option<f64>,
    pub x_max: Option<f64>,
    pub y_min: Option<f64>,
    pub y_max: Option<f64>,
    /// The lines' width in CSS px (default 2; from 1 to 4). Thin lines suit many noisy series:
    /// they stay apart, and a canvas strokes a 1-pixel line several times faster.
    pub line_width: Option<f64>,
    #[serde(default)]
    pub dark: bool,
    pub dpr: Option<f64>,
    pub width: Option<f64>,
    pub height: Option<f64>,
}

/// The narrowest and widest line `plotSeries` draws (CSS px).
pub const LINE_WIDTHS: (f64, f64) = (1.0, 4.0);

/// `plotSeries(canvas, options)` → the chart's geometry (one panel, id `"series"`).
#[wasm_bindgen(js_name = plotSeries, unchecked_return_type = "ChartGeometry")]
pub fn plot_series(
    #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SeriesPlotOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    respond(|| {
        let options: SeriesPlot = js_to_json(&options, Numbers::GapsAsNull)
            .and_then(from_json)
            .map_err(|e| in_argument("options", e))?;
        let lines = validate(&options)?;
        draw(&canvas_of(canvas)?, &options, &lines)
    })
}

/// The series as plain polylines (gaps as NaN, and y ≤ 0 as gaps on a log axis), plus the
/// axis ranges.
#[derive(Debug, Clone)]
pub struct Lines {
    pub xs: Vec<Vec<f64>>,
    pub ys: Vec<Vec<f64>>,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
}

/// Checks the options and resolves the ranges.
pub fn validate(o: &SeriesPlot) -> ApiResult<Lines> {
    if let Some(w) = o.line_width
        && !(LINE_WIDTHS.0..=LINE_WIDTHS.1).contains(&w)
    {
        return Err(ApiError::invalid(format!(
            "lineWidth: expected a width from {} to {} (CSS px), got {}",
            LINE_WIDTHS.0,
            LINE_WIDTHS.1,
            js_number(w)
        )));
    }
    if o.series.len() > MAX_SERIES {
        return Err(ApiError::invalid(format!(
            "series: expected at most {MAX_SERIES} series, got {}",
            o.series.len()
        )));
    }
    let mut total = 0usize;
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for (i, s) in o.series.iter().enumerate() {
        if s.y.len() != s.x.len() {
            return Err(ApiError::invalid(format!(
                "series[{i}].y: expected {} values (as many as x), got {}",
                s.x.len(),
                s.y.len()
            )));
        }
        total += s.x.len();
        if total > MAX_POINTS {
            return Err(ApiError::invalid(format!(
                "series: more than {MAX_POINTS} points in all"
            )));
        }
        let gap = |v: &Option<f64>| v.unwrap_or(f64::NAN);
        xs.push(s.x.iter().map(gap).collect::<Vec<_>>());
        ys.push(
            s.y.iter()
                .map(gap)
                .map(|v| if o.log_y && v <= 0.0 { f64::NAN } else { v })
                .collect::<Vec<_>>(),
        );
    }
    // x fits the data exactly (a curve starts and ends at the frame); y is padded.
    let (x_lo, x_hi) = match extent(xs.iter().flatten()) {
        Some((lo, hi)) if lo < hi => (lo, hi),
        Some((v, _)) => (v - 0.5, v + 0.5),
        None => (0.0, 1.0),
    };
    let x_lo = o.x_min.unwrap_or(x_lo);
    let x_hi = o.x_max.unwrap_or(x_hi);
    if !drawable(x_lo, x_hi) {
        return Err(ApiError::invalid(format!(
            "xMax: expected xMax > xMin = {} with xMax − xMin at most {}, got {} \
             (give xMin and xMax if the data's x values span more)",
            js_number(x_lo),
            js_number(f64::MAX),
            js_number(x_hi)
        )));
    }
    let (y_lo, y_hi) = if o.log_y {
        log_range(extent(ys.iter().flatten()))
    } else {
        padded_range(ys.iter().flatten().copied(), false, (0.0, 1.0))
    };
    let y_lo = o.y_min.unwrap_or(y_lo);
    let y_hi = o.y_max.unwrap_or(y_hi);
    if o.log_y && y_lo <= 0.0 {
        return Err(ApiError::invalid(format!(
            "yMin: a logarithmic axis needs yMin > 0, got {}",
            js_number(y_lo)
        )));
    }
    if !drawable(y_lo, y_hi) {
        return Err(ApiError::invalid(format!(
            "yMax: expected yMax > yMin = {} with yMax − yMin at most {}, got {}",
            js_number(y_lo),
            js_number(f64::MAX),
            js_number(y_hi)
        )));
    }
    if o.log_y && y_hi / y_lo > MAX_LOG_RATIO {
        return Err(ApiError::invalid(format!(
            "yMin: a logarithmic axis spans at most {MAX_LOG_DECADES} decades \
             (yMax / yMin ≤ 1e{MAX_LOG_DECADES}), got yMin = {} and yMax = {}",
            js_number(y_lo),
            js_number(y_hi)
        )));
    }
    Ok(Lines {
        xs,
        ys,
        x_range: (x_lo, x_hi),
        y_range: (y_lo, y_hi),
    })
}

/// The padded logarithmic range for positive data from `lo` to `hi`: at most MAX_LOG_DECADES
/// deep below the top (smaller values are clipped at the bottom of the chart), never below the
/// smallest normal f64, never above the largest — plotters' log axis needs a finite
/// yMax / yMin (an infinite ratio, e.g. from a subnormal 5e−324, would loop past usize::MAX).
fn log_range(data: Option<(f64, f64)>) -> (f64, f64) {
    let (lo, hi) = match data {
        None => return (1e-3, 1.0),
        Some((lo, hi)) if lo == hi => (lo / 10.0, hi * 10.0),
        Some((lo, hi)) => (lo / 1.3, hi * 1.3),
    };
    let hi = hi.min(f64::MAX);
    let lo = lo.max(hi / MAX_LOG_RATIO).max(f64::MIN_POSITIVE);
    if lo < hi { (lo, hi) } else { (lo, lo * 10.0) }
}

/// The smallest and largest finite value, if any.
fn extent<'a>(values: impl Iterator<Item = &'a f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, &v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

fn draw(canvas: &web_sys::HtmlCanvasElement, o: &SeriesPlot, lines: &Lines) -> ApiResult<Geometry> {
    let frame = Frame {
        dark: o.dark,
        dpr: o.dpr,
        width: o.width,
        height: o.height,
    };
    let size = measure(canvas, &frame)?;
    let surface = prepare(canvas, size, o.dark)?;
    let p = &surface.painter;
    let (x_lo, x_hi) = lines.x_range;
    let (y_lo, y_hi) = lines.y_range;
    let y = if o.log_y {
        SeriesY::log(y_lo, y_hi)
    } else {
        SeriesY::linear(y_lo, y_hi)
    };
    let (rect, legend) = chart(&surface.root, y, o, lines, p)?;
    let mut panel = PanelGeometry::new("series", rect, p.dpr, (x_lo, x_hi), (y_lo, y_hi), o.log_y);
    panel.legend = legend.map(|b| CssRect::of(b, p.dpr));
    Ok(Geometry {
        width: size.css_width,
        height: size.css_height,
        dpr: size.dpr,
        panels: vec![panel],
    })
}

/// Draws the chart on the y axis `y` (linear or logarithmic); returns the plot rectangle and the
/// legend's box.
fn chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    y: SeriesY,
    o: &SeriesPlot,
    lines: &Lines,
    p: &Painter,
) -> ApiResult<(PixelRect, Option<PixelRect>)> {
    let theme = &p.theme;
    let (x_lo, x_hi) = lines.x_range;
    let x_span = Span::linear(x_lo, x_hi);
    let y_value = y.value_of();
    let y_span = Span {
        lo: lines.y_range.0,
        hi: lines.y_range.1,
        log: o.log_y,
    };
    let mut chart = ChartBuilder::on(root)
        .margin_top(p.ipx(style::TITLE_PX * 1.9))
        .margin_right(p.ipx(14.0))
        .margin_left(p.ipx(4.0))
        .margin_bottom(p.ipx(if o.x_label.is_some() { 18.0 } else { 4.0 }))
        .x_label_area_size(p.ipx(TICK_PX * 2.2))
        .y_label_area_size(p.ipx(TICK_PX * 4.4))
        .build_cartesian_2d(x_lo..x_hi, y)
        .map_err(draw_err)?;
    let rect = PixelRect::of(chart.plotting_area());
    draw_mesh(&mut chart, p, rect, y_value)?;

    let line = p.ipx(o.line_width.unwrap_or(style::LINE_PX)).max(1) as u32;
    p.clip(rect);
    let mut result = Ok(());
    let mut polylines = Vec::new();
    for (i, (xs, ys)) in lines.xs.iter().zip(&lines.ys).enumerate() {
        let (color, dash) = theme.series(i);
        p.dash(dash);
        let style = color.stroke_width(line);
        let pieces = segments(xs, ys, x_span, y_span);
        // On a logarithmic axis the chart's coordinate is log₁₀ y (series_y.rs).
        let on_axis = |&(x, y): &(f64, f64)| (x, if o.log_y { y.log10() } else { y });
        let drawn = chart.draw_series(
            pieces
                .iter()
                .map(|seg| PathElement::new(seg.iter().map(on_axis).collect::<Vec<_>>(), style)),
        );
        polylines.extend(pieces);
        if let Err(e) = drawn {
            result = Err(draw_err(e));
            break;
        }
    }
    p.dash(&[]);
    p.unclip();
    result?;

    let (_, area_y) = root.get_pixel_range();
    if let Some(label) = &o.y_label {
        let top = f64::from(area_y.start) + p.px(style::TITLE_PX * 1.3);
        p.text(label, rect.x, top, style::TITLE_PX, theme.text, "start");
    }
    if let Some(label) = &o.x_label {
        let bottom = f64::from(area_y.end) - p.px(5.0);
        p.text(
            label,
            rect.x + rect.w,
            bottom,
            TICK_PX + 1.0,
            theme.text,
            "end",
        );
    }
    let entries: Vec<(String, Swatch)> = o
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (color, dash) = theme.series(i);
            s.label
                .clone()
                .filter(|l| !l.is_empty())
                .map(|l| (l, Swatch::Line { color, dash }))
        })
        .collect();
    let corner = o.legend.unwrap_or_else(|| {
        let points = traced_points(&polylines, x_span, y_span, rect, p.px(4.0));
        p.best_corner(&entries, rect, &points)
    });
    let legend = p.legend(&entries, rect, corner);
    Ok((rect, legend))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plot(v: serde_json::Value) -> ApiResult<Lines> {
        validate(&from_json::<SeriesPlot>(v)?)
    }

    #[test]
    fn ranges_fit_the_data() {
        let l = plot(json!({"series": [{"x": [1, 2, 3], "y": [4, null, 2]}]})).unwrap();
        assert_eq!(l.x_range, (1.0, 3.0));
        assert!(l.y_range.0 < 2.0 && l.y_range.1 > 4.0);
        assert!(l.ys[0][1].is_nan());
    }

    #[test]
    fn log_axes_skip_non_positive_values() {
        let l =
            plot(json!({"logY": true, "series": [{"x": [0, 1, 2], "y": [0, 1e-3, 10]}]})).unwrap();
        assert!(l.ys[0][0].is_nan());
        assert!(l.y_range.0 > 0.0 && l.y_range.0 < 1e-3 && l.y_range.1 > 10.0);
        let e = plot(json!({"logY": true, "yMin": 0, "series": []})).unwrap_err();
        assert!(e.message.starts_with("yMin: "), "{e}");
    }

    #[test]
    fn log_axes_stay_finite_for_extreme_data() {
        // A subnormal next to 1: the axis stops 300 decades down (the ratio plotters needs finite).
        for ys in [
            json!([5e-324, 1.0]),
            json!([1e-320, 1e300]),
            json!([1e-310, 1e-309]),
        ] {
            let l =
                plot(json!({"logY": true, "series": [{"x": [0, 1], "y": ys.clone()}]})).unwrap();
            let (lo, hi) = l.y_range;
            assert!(
                lo >= f64::MIN_POSITIVE && lo < hi && (hi / lo) <= 1e300,
                "{ys}: {lo} … {hi}"
            );
        }
        // All values subnormal (below the smallest normal f64): still a valid range.
        let l =
            plot(json!({"logY": true, "series": [{"x": [0, 1], "y": [5e-324, 5e-324]}]})).unwrap();
        assert!(l.y_range.0 < l.y_range.1 && (l.y_range.1 / l.y_range.0).is_finite());
        // Near the top of f64: padding does not overflow.
        let l =
            plot(json!({"logY": true, "series": [{"x": [0, 1], "y": [1.0, 1.7e308]}]})).unwrap();
        assert!(l.y_range.1.is_finite());
        // An explicit axis wider than 300 decades is an error naming yMin.
        let e = plot(json!({"logY": true, "yMin": 1e-320, "yMax": 1.0, "series": []})).unwrap_err();
        assert!(
            e.message
                .starts_with("yMin: a logarithmic axis spans at most 300 decades"),
            "{e}"
        );
    }

    #[test]
    fn line_widths_are_checked() {
        assert!(plot(json!({"lineWidth": 1, "series": []})).is_ok());
        for w in [json!(0.5), json!(5), json!(null)] {
            let r = plot(json!({"lineWidth": w, "series": []}));
            if w.is_null() {
                assert!(r.is_ok());
            } else {
                let e = r.unwrap_err();
                assert!(
                    e.message
                        .starts_with("lineWidth: expected a width from 1 to 4"),
                    "{e}"
                );
            }
        }
    }

    #[test]
    fn mismatched_lengths_name_the_series() {
        let e =
            plot(json!({"series": [{"x": [1], "y": [1]}, {"x": [1, 2], "y": [1]}]})).unwrap_err();
        assert_eq!(
            e.message,
            "series[1].y: expected 2 values (as many as x), got 1"
        );
        let e = plot(json!({"series": [], "colour": "red"})).unwrap_err();
        assert!(
            e.message
                .starts_with("colour: unknown field `colour`, expected one of `series`"),
            "{e}"
        );
    }
}
