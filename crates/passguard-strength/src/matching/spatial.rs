//! Keyboard patterns: runs of adjacent keys such as `qwerty`, `zxcvbn` or `7896321`.

use super::{Match, Pattern};
use crate::guesses;
use crate::keyboard::Graph;

/// Characters typed with shift on qwerty and dvorak; a pattern starting with one of them
/// counts one shifted key.
const SHIFTED: &str = "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?";

/// Patterns of three or more keys on each of zxcvbn's layouts.
pub(super) fn matches(chars: &[char], out: &mut Vec<Match>) {
    for graph in Graph::ALL {
        on_graph(graph, chars, out);
    }
}

fn on_graph(graph: Graph, chars: &[char], out: &mut Vec<Match>) {
    let mut i = 0;
    while i + 1 < chars.len() {
        let starts_shifted = graph.is_keyboard()
            && chars
                .get(i)
                .is_some_and(|&c| c.is_ascii() && SHIFTED.as_bytes().contains(&(c as u8)));
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
