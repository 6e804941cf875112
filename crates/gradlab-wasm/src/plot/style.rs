//! The look of the charts: the Okabe–Ito colour-blind-safe palette (a light and a dark
//! variant), one dash pattern per series so lines differ without colour too, font sizes and
//! tick-label formatting. Lengths are CSS pixels; the painter multiplies them by dpr.

use plotters::style::{RGBAColor, RGBColor};

/// The font family of every label (the page's system UI font).
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/// Tick labels, legend and panel titles, in CSS px.
pub const TICK_PX: f64 = 11.0;
pub const LEGEND_PX: f64 = 12.0;
pub const TITLE_PX: f64 = 13.0;
/// Curve width, in CSS px.
pub const LINE_PX: f64 = 2.0;

/// Okabe & Ito (2008), "Color Universal Design". Yellow is left out on white (too light) and
/// black is not a series colour on either background.
const OKABE_ITO_LIGHT: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
];
const OKABE_ITO_DARK: [RGBColor; 6] = [
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
];

/// How many labels a y axis `plot_px` CSS px tall gets: one per 36 px, 2 to 10.
pub fn y_label_count(plot_px: f64) -> usize {
    (plot_px / 36.0).clamp(2.0, 10.0) as usize
}

/// Dash patterns (CSS px), one per series: solid, dashed, dotted, dash-dot, short dash,
/// dash-dot-dot.
pub const DASHES: [&[f64]; 6] = [
    &[],
    &[8.0, 4.0],
    &[2.0, 3.0],
    &[10.0, 3.0, 2.0, 3.0],
    &[4.0, 4.0],
    &[12.0, 3.0, 2.0, 3.0, 2.0, 3.0],
];

/// The f′ⁿ curve: a wide translucent stroke (width in CSS px, opacity).
pub const POWER_PX: f64 = 6.0;
pub const POWER_ALPHA: f64 = 0.35;

/// Colours of a chart on a light or a dark page. The background stays transparent, so the
/// page's own background shows through.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBAColor,
    pub axis: RGBAColor,
    pub legend_bg: RGBAColor,
    pub palette: [RGBColor; 6],
    /// Bands where |f′| < ε (saturated) and f′ = 0 (dead).
    pub saturated: RGBAColor,
    pub dead: RGBAColor,
}

impl Theme {
    pub fn new(dark: bool) -> Theme {
        if dark {
            Theme {
                text: RGBColor(0xE8, 0xE8, 0xE8),
                muted: RGBColor(0xB0, 0xB0, 0xB0),
                grid: RGBAColor(0xFF, 0xFF, 0xFF, 0.10),
                axis: RGBAColor(0xFF, 0xFF, 0xFF, 0.45),
                legend_bg: RGBAColor(0x1E, 0x1E, 0x1E, 0.85),
                palette: OKABE_ITO_DARK,
                saturated: RGBAColor(0xF0, 0xE4, 0x42, 0.14),
                dead: RGBAColor(0xFF, 0xFF, 0xFF, 0.20),
            }
        } else {
            Theme {
                text: RGBColor(0x1F, 0x1F, 0x1F),
                muted: RGBColor(0x55, 0x55, 0x55),
                grid: RGBAColor(0x00, 0x00, 0x00, 0.08),
                axis: RGBAColor(0x00, 0x00, 0x00, 0.45),
                legend_bg: RGBAColor(0xFF, 0xFF, 0xFF, 0.85),
                palette: OKABE_ITO_LIGHT,
                saturated: RGBAColor(0xE6, 0x9F, 0x00, 0.16),
                dead: RGBAColor(0x00, 0x00, 0x00, 0.16),
            }
        }
    }

    /// Colour and dash of series `i` (colours cycle every 6, dashes shift each cycle so the
    /// first 36 pairs differ).
    pub fn series(&self, i: usize) -> (RGBColor, &'static [f64]) {
        (self.palette[i % 6], DASHES[(i + i / 6) % 6])
    }
}

/// A CSS colour for the canvas context.
pub fn css(c: RGBAColor) -> String {
    format!("rgba({},{},{},{})", c.0, c.1, c.2, c.3)
}

/// A tick label: at most 4 significant digits, exponent form outside [0.001, 10000),
/// a true minus sign. `0.30000000000000004` → `0.3`, `-0.25` → `−0.25`, `1e-5` → `1e−5`.
pub fn tick_label(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return if v.is_nan() { "NaN".into() } else { "0".into() };
    }
    let a = v.abs();
    let body = if (1e-3..1e4).contains(&a) {
        let digits = (3 - a.log10().floor() as i32).clamp(0, 6) as usize;
        trim(&format!("{a:.digits$}")).to_string()
    } else {
        let s = format!("{a:.3e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        format!("{}e{}", trim(mantissa), exp.replace('-', "\u{2212}"))
    };
    if v < 0.0 {
        format!("\u{2212}{body}")
    } else {
        body
    }
}

/// `1.500` → `1.5`, `2.000` → `2`.
fn trim(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// "leaky_relu (α = 0.1)": an activation's legend label.
pub fn activation_label(a: &gradlab_core::Activation) -> String {
    let params: Vec<String> = a
        .params()
        .into_iter()
        .map(|(name, v)| {
            let symbol = match name {
                "alpha" => "α",
                "beta" => "β",
                other => other,
            };
            format!("{symbol} = {}", tick_label(v))
        })
        .collect();
    if params.is_empty() {
        a.id().to_string()
    } else {
        format!("{} ({})", a.id(), params.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradlab_core::Activation;

    #[test]
    fn tick_labels() {
        assert_eq!(tick_label(0.0), "0");
        assert_eq!(tick_label(0.1 + 0.2), "0.3");
        assert_eq!(tick_label(-0.25), "\u{2212}0.25");
        assert_eq!(tick_label(2.0), "2");
        assert_eq!(tick_label(1234.0), "1234");
        assert_eq!(tick_label(0.00125), "0.00125");
        assert_eq!(tick_label(0.123456), "0.1235");
        assert_eq!(tick_label(1e-5), "1e\u{2212}5");
        assert_eq!(tick_label(25000.0), "2.5e4");
        assert_eq!(tick_label(-1e300), "\u{2212}1e300");
    }

    #[test]
    fn labels_and_series_styles() {
        assert_eq!(activation_label(&Activation::Relu), "relu");
        assert_eq!(
            activation_label(&Activation::LeakyRelu { alpha: 0.1 }),
            "leaky_relu (α = 0.1)"
        );
        let t = Theme::new(false);
        let styles: Vec<_> = (0..36).map(|i| t.series(i)).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a != b, "series styles repeat within 36");
            }
        }
    }
}
