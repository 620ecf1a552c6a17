//! Keyboard patterns: runs of adjacent keys such as `qwerty`, `zxcvbn` or `7896321`.

use super::{Match, Pattern};
use crate::guesses;
use crate::keyboard::Graph;

/// Patterns of three or more keys on each layout.
pub(super) fn matches(chars: &[char], out: &mut Vec<Match>) {
    for graph in Graph::ALL {
        on_graph(graph, chars, out);
    }
}

fn on_graph(graph: Graph, chars: &[char], out: &mut Vec<Match>) {
    let mut i = 0;
    while i + 1 < chars.len() {
        // A pattern starting with a character typed with shift counts one shifted key.
        let starts_shifted = chars.get(i).is_some_and(|&c| graph.is_shifted(c));
        let mut shifted = usize::from(starts_shifted);
        let mut turns = 0;
        let mut last_direction = None;
        let mut j = i + 1;
        while let (Some(&previous), Some(&current)) = (chars.get(j - 1), chars.get(j)) {
            if !graph.has_key(previous) {
                break;
            }
            let step = (0..graph.slots()).find_map(|direction| {
                let (plain, with_shift) = graph.neighbour(previous, direction)?;
                if plain == current {
                    Some((direction, false))
                } else if with_shift == Some(current) {
                    Some((direction, true))
                } else {
                    None
                }
            });
            let Some((direction, is_shifted)) = step else {
                break;
            };
            shifted += usize::from(is_shifted);
            // Every pattern starts with a turn; each change of direction adds one.
            if last_direction != Some(direction) {
                turns += 1;
                last_direction = Some(direction);
            }
            j += 1;
        }
        let len = j - i;
        if len > 2 {
            let estimate = guesses::spatial(len, turns, shifted, graph.guess_parameters());
            out.push(Match {
                i,
                j: j - 1,
                guesses_log10: guesses::with_floor(estimate, len, chars.len()),
                pattern: Pattern::Spatial { turns },
            });
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// The longest keyboard pattern found in `password`: (first, last, turns).
    fn longest(password: &str) -> Option<(usize, usize, usize)> {
        let chars: Vec<char> = password.chars().collect();
        let mut found = Vec::new();
        matches(&chars, &mut found);
        found
            .iter()
            .filter_map(|m| match m.pattern {
                Pattern::Spatial { turns } => Some((m.i, m.j, turns)),
                _ => None,
            })
            .max_by_key(|&(i, j, _)| j - i)
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn french_and_german_rows_are_whole_patterns() {
        // On qwerty these break where the layouts differ (z/y, a/q, w/z, m).
        for (password, turns) in [
            ("qwertzuiop", 1),
            ("yxcvbnm", 1),
            ("azertyuiop", 1),
            ("wxcvbn", 1),
            ("qsdfghjklm", 1),
            ("&é\"'(-è_çà", 1),
            ("azsxdc", 4),
        ] {
            let last = password.chars().count() - 1;
            assert_eq!(longest(password), Some((0, last, turns)), "{password:?}");
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn a_walk_costs_the_same_on_every_keyboard() {
        // A qwerty row and a QWERTZ row of the same shape: same length, one turn, no shift.
        let estimate = |password: &str| {
            let chars: Vec<char> = password.chars().collect();
            let mut found = Vec::new();
            matches(&chars, &mut found);
            found
                .iter()
                .find(|m| m.i == 0 && m.len() == chars.len())
                .map(|m| m.guesses_log10)
        };
        let qwerty = estimate("zxcvbnm");
        assert!(qwerty.is_some(), "a qwerty row");
        assert_eq!(estimate("yxcvbnm"), qwerty);
        // AZERTY's top row without shift, and qwerty's.
        let digits = estimate("1234567890");
        assert!(digits.is_some(), "a row of digits");
        assert_eq!(estimate("&é\"'(-è_çà"), digits);
    }
}
