//! Keyboard adjacency graphs (qwerty, dvorak, keypad, Mac keypad) from zxcvbn 4.4.2, as a
//! fixed table indexed by ASCII code: no decoding, no allocation.
//!
//! Each key has up to eight neighbour slots in a fixed order of directions; a slot holds the
//! unshifted and the shifted character of the neighbouring key (`2@`), or nothing.

const DATA: &[u8] = include_bytes!("../data/keyboards.bin");
/// Magic, version, graph count, then each graph's number of slots.
const HEADER: usize = 4 + 1 + 1 + 4;
const SLOTS: usize = 8;
const KEYS: usize = 128;
const RECORD: usize = 1 + 2 * SLOTS;

/// One of zxcvbn's keyboard layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Graph {
    Qwerty,
    Dvorak,
    Keypad,
    MacKeypad,
}

impl Graph {
    /// In zxcvbn's order, which decides between equal matches.
    pub(crate) const ALL: [Graph; 4] = [
        Graph::Qwerty,
        Graph::Dvorak,
        Graph::Keypad,
        Graph::MacKeypad,
    ];

    /// Typing keyboards (as opposed to keypads) have shifted characters.
    pub(crate) fn is_keyboard(self) -> bool {
        matches!(self, Graph::Qwerty | Graph::Dvorak)
    }

    fn offset(self) -> usize {
        HEADER + (self as usize) * KEYS * RECORD
    }

    /// The neighbour in direction `slot` of `key`: its unshifted and shifted characters.
    pub(crate) fn neighbour(self, key: char, slot: usize) -> Option<(char, Option<char>)> {
        let key = usize::try_from(u32::from(key)).ok().filter(|&k| k < KEYS)?;
        let at = self.offset() + key * RECORD + 1 + 2 * slot;
        let (&plain, &shifted) = (DATA.get(at)?, DATA.get(at + 1)?);
        if slot >= SLOTS || plain == 0 {
            return None;
        }
        Some((
            char::from(plain),
            (shifted != 0).then_some(char::from(shifted)),
        ))
    }

    /// Whether `key` is on this layout.
    pub(crate) fn has_key(self, key: char) -> bool {
        let key = u32::from(key) as usize;
        key < KEYS
            && DATA
                .get(self.offset() + key * RECORD)
                .is_some_and(|&present| present != 0)
    }

    /// The number of direction slots of this layout (6 on keyboards, 8 on keypads).
    pub(crate) fn slots(self) -> usize {
        usize::from(DATA.get(HEADER - 4 + self as usize).copied().unwrap_or(0)).min(SLOTS)
    }

    /// zxcvbn's starting positions and average degree: those of qwerty for both keyboards,
    /// those of the keypad for both keypads.
    pub(crate) fn guess_parameters(self) -> (f64, f64) {
        if self.is_keyboard() {
            QWERTY_PARAMETERS
        } else {
            KEYPAD_PARAMETERS
        }
    }
}

const QWERTY_PARAMETERS: (f64, f64) = parameters(Graph::Qwerty);
const KEYPAD_PARAMETERS: (f64, f64) = parameters(Graph::Keypad);

/// Counts the keys of a graph and their average number of neighbours, at compile time.
#[allow(clippy::indexing_slicing)] // Evaluated by the compiler: a bad index fails the build.
const fn parameters(graph: Graph) -> (f64, f64) {
    let start = HEADER + (graph as usize) * KEYS * RECORD;
    let (mut keys, mut neighbours) = (0u32, 0u32);
    let mut key = 0;
    while key < KEYS {
        let at = start + key * RECORD;
        if DATA[at] != 0 {
            keys += 1;
            let mut slot = 0;
            while slot < SLOTS {
                if DATA[at + 1 + 2 * slot] != 0 {
                    neighbours += 1;
                }
                slot += 1;
            }
        }
        key += 1;
    }
    (keys as f64, neighbours as f64 / keys as f64)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn zxcvbn_graph_statistics() {
        // zxcvbn 4.4.2: 94 qwerty keys of average degree 432/94, 15 keypad keys.
        assert_eq!(QWERTY_PARAMETERS.0, 94.0);
        assert!((QWERTY_PARAMETERS.1 - 4.595_744_680_851_064).abs() < 1e-12);
        assert_eq!(KEYPAD_PARAMETERS.0, 15.0);
        assert!((KEYPAD_PARAMETERS.1 - 5.066_666_666_666_666).abs() < 1e-12);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn neighbours_follow_the_layouts() {
        // On qwerty 'q' has "2@" up and to the right (slot 2) and "wW" to the right (slot 3).
        assert_eq!(Graph::Qwerty.neighbour('q', 2), Some(('2', Some('@'))));
        assert_eq!(Graph::Qwerty.neighbour('q', 3), Some(('w', Some('W'))));
        assert_eq!(Graph::Qwerty.neighbour('q', 0), None);
        assert_eq!(Graph::Keypad.neighbour('5', 0), Some(('4', None)));
        assert_eq!(Graph::Qwerty.slots(), 6);
        assert_eq!(Graph::Keypad.slots(), 8);
        assert_eq!(Graph::Qwerty.neighbour('é', 0), None);
    }
}
