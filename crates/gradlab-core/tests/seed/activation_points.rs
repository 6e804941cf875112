//! The core's `lessons::activation_points()` agree with `Activation` and with the seed's
//! printed activation entries, and cover every sigmoid/tanh point the article prints.

use gradlab_core::lessons;

use crate::common::Checker;
use crate::{seed, text};

#[test]
fn the_core_activation_points_are_the_seeds() {
    let s = seed();
    let act = s["sections"]["activations"]["entries"]
        .as_array()
        .expect("activations entries");
    let points = lessons::activation_points();
    assert!(!points.is_empty());
    let mut c = Checker::new();
    for p in &points {
        for (of, got) in [("value", p.value), ("derivative", p.derivative)] {
            // the point must agree with Activation itself …
            let direct = if of == "value" {
                p.activation.value(p.x)
            } else {
                p.activation.derivative(p.x)
            };
            c.check(got.to_bits() == direct.to_bits(), || {
                format!(
                    "activation_points {}({}) {of}: {got} ≠ {direct}",
                    p.activation.id(),
                    p.x
                )
            });
            // … and with the seed entry for it, if the article prints it
            if let Some(e) = act.iter().find(|e| {
                e["compute"]["activation"] == p.activation.id()
                    && e["compute"]["x"].as_f64() == Some(p.x)
                    && e["compute"]["of"] == of
            }) {
                c.num(
                    &format!("{} vs activation_points", text(&e["id"])),
                    got,
                    e["exact"].as_f64().unwrap_or(f64::NAN),
                );
            }
        }
    }
    // every sigmoid/tanh point the article prints is one of the core's points
    for e in act {
        let id = e["compute"]["activation"].as_str().unwrap_or("");
        if id == "sigmoid" || id == "tanh" {
            let x = e["compute"]["x"].as_f64();
            c.check(
                points
                    .iter()
                    .any(|p| p.activation.id() == id && Some(p.x) == x),
                || {
                    format!(
                        "{}: ({id}, {x:?}) is not in lessons::activation_points()",
                        text(&e["id"])
                    )
                },
            );
        }
    }
    c.finish("activation points");
}
