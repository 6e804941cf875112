//! One panel of the activation chart without the marker at x (see `marker`): f, f′ or the
//! difference from a reference. Everything it draws was computed by the core beforehand
//! ([`super::Data`]).

use gradlab_core::activation::{Curve, RegionKind};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{ActivationPlot, Data, PointGeometry};
use crate::convert::ApiResult;
use crate::plot::style::{self, LINE_PX, TITLE_PX};
use crate::plot::{
    Painter, PanelGeometry, PixelRect, Span, Swatch, draw_err, draw_mesh, padded_range, segments,
};

/// A curve to stroke: x, y, style and dash pattern.
type Stroke<'a> = (&'a [f64], &'a [f64], ShapeStyle, &'static [f64]);

/// Which function a panel shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Panel {
    F,
    FPrime,
    Difference,
}

impl Panel {
    fn id(self) -> &'static str {
        match self {
            Panel::F => "f",
            Panel::FPrime => "fprime",
            Panel::Difference => "difference",
        }
    }
}

/// The curves a panel shows: (index of the activation, x, y).
fn series<'a>(panel: Panel, data: &'a Data) -> Vec<(usize, &'a [f64], &'a [f64])> {
    let pick = |c: &'a Curve, derivative: bool| -> (&'a [f64], &'a [f64]) {
        (&c.x, if derivative { &c.derivative } else { &c.value })
    };
    match panel {
        Panel::F | Panel::FPrime => data
            .curves
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (x, y) = pick(c, panel == Panel::FPrime);
                (i, x, y)
            })
            .collect(),
        Panel::Difference => data
            .differences
            .iter()
            .flat_map(|d| &d.curves)
            .map(|(i, c, _)| {
                let (x, y) = pick(c, false);
                (*i, x, y)
            })
            .collect(),
    }
}

/// Draws `panel` in `area`; returns its geometry and the marked points it drew (CSS px).
pub fn draw_panel(
    area: &DrawingArea<impl DrawingBackend, Shift>,
    panel: Panel,
    o: &ActivationPlot,
    data: &Data,
    p: &Painter,
) -> ApiResult<(PanelGeometry, Vec<PointGeometry>)> {
    let theme = &p.theme;
    let lines = series(panel, data);
    let eps_lines: Vec<f64> = match (panel, o.epsilon) {
        (Panel::FPrime, Some(e)) => vec![e, -e],
        _ => Vec::new(),
    };
    let (y_lo, mut y_hi) = padded_range(
        lines.iter().flat_map(|(_, _, y)| y.iter().copied()),
        panel != Panel::F,
        (-1.0, 1.0),
    );
    // f′ⁿ above the derivatives (it explodes where |f′| > 1): shown up to twice their span,
    // clipped beyond, so the derivatives themselves stay readable.
    if let (Panel::FPrime, Some((_, ys))) = (panel, &data.power) {
        let top = ys
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(f64::NEG_INFINITY, f64::max);
        let cap = y_hi + (y_hi - y_lo);
        if top > y_hi {
            y_hi = top.min(cap) + 0.06 * (top.min(cap) - y_lo);
        }
    }
    // The difference panel's curves span its whole width, so its legend gets room of its own
    // above them: the y range grows until the legend's height is free at the top.
    if panel == Panel::Difference {
        let rows = data.differences.as_ref().map_or(0, |d| d.curves.len()) as f64;
        let legend_h = 12.0 + style::LEGEND_PX * 1.45 * rows + 12.0;
        let (_, area_h) = area.dim_in_pixel();
        let plot_h = f64::from(area_h) / p.dpr - TITLE_PX * 1.9 - style::TICK_PX * 2.2 - 4.0;
        let share = legend_h / plot_h.max(1.0);
        if share < 0.6 {
            y_hi += (y_hi - y_lo) * share / (1.0 - share);
        }
    }
    let (x_lo, x_hi) = (o.x_min, o.x_max);
    let (x_span, y_span) = (Span::linear(x_lo, x_hi), Span::linear(y_lo, y_hi));

    let mut chart = ChartBuilder::on(area)
        .margin_top(p.ipx(TITLE_PX * 1.9))
        .margin_right(p.ipx(14.0))
        .margin_left(p.ipx(4.0))
        .margin_bottom(p.ipx(4.0))
        .x_label_area_size(p.ipx(style::TICK_PX * 2.2))
        .y_label_area_size(p.ipx(style::TICK_PX * 4.8))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    let rect = PixelRect::of(chart.plotting_area());
    let to_px = |x: f64, y: f64| -> (f64, f64) {
        (
            rect.x + (x - x_lo) / (x_hi - x_lo) * rect.w,
            rect.y + (y_hi - y) / (y_hi - y_lo) * rect.h,
        )
    };

    // Bands first, under everything (not on the difference panel).
    if panel != Panel::Difference {
        let bands = data.regions.iter().filter(|r| r.kind != RegionKind::Active);
        chart
            .draw_series(bands.clone().map(|r| {
                let color = match r.kind {
                    RegionKind::Dead => theme.dead,
                    _ => theme.saturated,
                };
                Rectangle::new([(r.lo, y_lo), (r.hi, y_hi)], color.filled())
            }))
            .map_err(draw_err)?;
        for r in bands.clone().filter(|r| r.kind == RegionKind::Dead) {
            let (x0, _) = to_px(r.lo, y_hi);
            let (x1, _) = to_px(r.hi, y_hi);
            p.hatch(x0, rect.y, x1 - x0, rect.h, theme.axis);
        }
    }
    draw_mesh(&mut chart, p, rect, |v| v)?;

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
    // ±ε, unless so close to 0 that they would blur into the axis.
    let apart = |e: &&f64| (to_px(x_lo, **e).1 - to_px(x_lo, 0.0).1).abs() >= p.px(4.0);
    p.dash(&[2.0, 4.0]);
    for e in eps_lines
        .iter()
        .filter(|e| (y_lo..=y_hi).contains(*e))
        .filter(apart)
    {
        chart
            .draw_series([PathElement::new(vec![(x_lo, *e), (x_hi, *e)], axis)])
            .map_err(draw_err)?;
    }
    p.dash(&[]);

    // Curves, clipped to the plot.
    let line = p.ipx(LINE_PX).max(1) as u32;
    p.clip(rect);
    let mut drawn = Ok(());
    let mut curves: Vec<Stroke> = lines
        .iter()
        .map(|(i, x, y)| {
            let (color, dash) = theme.series(*i);
            (*x, *y, color.stroke_width(line), dash)
        })
        .collect();
    // f′ⁿ: a wide translucent stroke in the first activation's colour, under its curve's
    // pattern (so it reads as "this curve, to the n-th power" without relying on colour).
    if let (Panel::FPrime, Some((_, ys))) = (panel, &data.power) {
        let (color, _) = theme.series(0);
        let style = color
            .mix(style::POWER_ALPHA)
            .stroke_width(p.ipx(style::POWER_PX).max(1) as u32);
        curves.insert(0, (&data.curves[0].x, ys, style, &[]));
    }
    for (x, y, style, dash) in curves {
        p.dash(dash);
        drawn = chart
            .draw_series(
                segments(x, y, x_span, y_span)
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

    // Band labels on top of the curves, at the top of each band wide enough for one: inside a
    // band |f′| is small, so its curves run along the bottom.
    if panel == Panel::FPrime || (panel == Panel::F && !o.show_derivative) {
        for r in data.regions.iter().filter(|r| r.kind != RegionKind::Active) {
            let label = match r.kind {
                RegionKind::Dead => &o.labels.dead_short,
                _ => &o.labels.saturated_short,
            };
            let (x0, _) = to_px(r.lo, y_hi);
            let (x1, _) = to_px(r.hi, y_hi);
            let w = p.measure(label, style::TICK_PX);
            if w + p.px(10.0) < x1 - x0 {
                let (cx, y) = (0.5 * (x0 + x1), rect.y + p.px(style::TICK_PX + 6.0));
                p.ctx.set_fill_style_str(&style::css(theme.legend_bg));
                p.ctx.fill_rect(
                    cx - 0.5 * w - p.px(3.0),
                    y - p.px(style::TICK_PX),
                    w + p.px(6.0),
                    p.px(style::TICK_PX + 4.0),
                );
                p.text(label, cx, y, style::TICK_PX, theme.muted, "center");
            }
        }
    }

    // The largest differences, marked; their values are listed in this panel's legend.
    if panel == Panel::Difference {
        for (i, _, max) in data.differences.iter().flat_map(|d| &d.curves) {
            let (color, _) = theme.series(*i);
            let (px, py) = to_px(max.at, max.signed);
            p.diamond(px, py, 5.0, color.to_rgba(), theme.text);
        }
    }

    // Marked points on f′ (the article's points), hollow diamonds.
    let mut marked = Vec::new();
    if panel == Panel::FPrime {
        for &(x, d) in &data.points {
            if d.is_finite() && (y_lo..=y_hi).contains(&d) {
                let (px, py) = to_px(x, d);
                p.diamond(px, py, 6.0, theme.legend_bg, theme.text);
                marked.push(PointGeometry {
                    x,
                    left: px / p.dpr,
                    top: py / p.dpr,
                });
            }
        }
    }

    let (_, area_y) = area.get_pixel_range();
    let title = match panel {
        Panel::F => &o.labels.f,
        Panel::FPrime => &o.labels.fprime,
        Panel::Difference => &o.labels.difference,
    };
    p.text(
        title,
        rect.x,
        f64::from(area_y.start) + p.px(TITLE_PX * 1.3),
        TITLE_PX,
        theme.text,
        "start",
    );
    // Legends: in the corner asked for, else in the one that hides the fewest curve samples.
    let entries = match panel {
        Panel::F => legend(o, data, p),
        Panel::Difference => difference_legend(o, data, p),
        Panel::FPrime => Vec::new(),
    };
    if !entries.is_empty() {
        let corner = o.legend.unwrap_or_else(|| {
            let mut points = Vec::new();
            for (_, xs, ys) in &lines {
                for (x, y) in xs.iter().zip(ys.iter()) {
                    if x.is_finite() && y.is_finite() && (y_lo..=y_hi).contains(y) {
                        points.push(to_px(*x, *y));
                    }
                }
            }
            p.best_corner(&entries, rect, &points)
        });
        p.legend(&entries, rect, corner);
    }
    let geometry = PanelGeometry::new(panel.id(), rect, p.dpr, (x_lo, x_hi), (y_lo, y_hi), false);
    Ok((geometry, marked))
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
    if data.power.is_some() && o.show_derivative {
        let (color, _) = p.theme.series(0);
        entries.push((
            o.labels.power.clone(),
            Swatch::Stroke {
                color: color.mix(style::POWER_ALPHA),
                width: style::POWER_PX,
            },
        ));
    }
    let has = |kind: RegionKind| data.regions.iter().any(|r| r.kind == kind);
    if has(RegionKind::Saturated) {
        entries.push((o.labels.saturated.clone(), Swatch::Fill(p.theme.saturated)));
    }
    if has(RegionKind::Dead) {
        entries.push((o.labels.dead.clone(), Swatch::Hatch(p.theme.dead)));
    }
    entries
}

/// "name: max |Δ| = 4.732e−4 (x = −2.699)" for each difference curve.
fn difference_legend(o: &ActivationPlot, data: &Data, p: &Painter) -> Vec<(String, Swatch)> {
    let names = o.names.as_deref().unwrap_or(&[]);
    data.differences
        .iter()
        .flat_map(|d| &d.curves)
        .map(|(i, _, max)| {
            let (color, dash) = p.theme.series(*i);
            let name = names
                .get(*i)
                .cloned()
                .unwrap_or_else(|| style::activation_label(&o.activations[*i]));
            let label = format!(
                "{name}: max |Δ| = {} (x = {})",
                style::tick_label(max.max_abs),
                style::tick_label(max.at)
            );
            (label, Swatch::Line { color, dash })
        })
        .collect()
}
