//! Keyboard adjacency graphs, as a fixed table indexed by code point (ASCII and Latin-1): no
//! decoding, no allocation. qwerty, dvorak, keypad and Mac keypad are zxcvbn 4.4.2's; the
//! French AZERTY and German QWERTZ layouts are ours, drawn the way zxcvbn draws its keyboards
//! (`data/build.py`).
//!
//! Each character on a layout has a record: whether it is typed with shift, then up to eight
//! neighbour slots in a fixed order of directions; a slot holds the unshifted and the shifted
//! character of the neighbouring key (`2@`), or nothing.

const DATA: &[u8] = include_bytes!("../data/keyboards.bin");
/// Magic, version, graph count, then each graph's number of slots.
const HEADER: usize = 4 + 1 + 1 + Graph::ALL.len();
const SLOTS: usize = 8;
const KEYS: usize = 256;
/// The first byte of a record: the character is not on the layout, is typed without shift,
/// or is typed with shift.
const ABSENT: u8 = 0;
const SHIFTED: u8 = 2;
const RECORD: usize = 1 + 2 * SLOTS;

/// A keyboard layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Graph {
    Qwerty,
    Dvorak,
    Keypad,
    MacKeypad,
    Azerty,
    Qwertz,
}

impl Graph {
    /// zxcvbn's in its order, then ours: the order decides between equal matches, so a pattern
    /// that is also on one of zxcvbn's layouts is reported as zxcvbn reports it.
    pub(crate) const ALL: [Graph; 6] = [
        Graph::Qwerty,
        Graph::Dvorak,
        Graph::Keypad,
        Graph::MacKeypad,
        Graph::Azerty,
        Graph::Qwertz,
    ];

    /// Typing keyboards (as opposed to keypads) have shifted characters.
    pub(crate) fn is_keyboard(self) -> bool {
        !matches!(self, Graph::Keypad | Graph::MacKeypad)
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
        self.record_kind(key) != ABSENT
    }

    /// Whether `key` is typed with shift on this layout (never on a keypad). For qwerty and
    /// dvorak these are zxcvbn's `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`.
    pub(crate) fn is_shifted(self, key: char) -> bool {
        self.record_kind(key) == SHIFTED
    }

    fn record_kind(self, key: char) -> u8 {
        let key = u32::from(key) as usize;
        if key >= KEYS {
            return ABSENT;
        }
        DATA.get(self.offset() + key * RECORD)
            .copied()
            .unwrap_or(ABSENT)
    }

    /// The number of direction slots of this layout (6 on keyboards, 8 on keypads).
    pub(crate) fn slots(self) -> usize {
        usize::from(
            DATA.get(HEADER - Graph::ALL.len() + self as usize)
                .copied()
                .unwrap_or(0),
        )
        .min(SLOTS)
    }

    /// zxcvbn's starting positions and average degree: those of qwerty for every keyboard
    /// (as zxcvbn does for dvorak), those of the keypad for both keypads.
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
        if DATA[at] != ABSENT {
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
    fn table_matches_this_code() {
        // build.py's magic, format version 2 and one graph per variant, in order.
        assert_eq!(DATA.get(..6), Some(&b"PGSK\x02\x06"[..]));
        assert_eq!(DATA.len(), HEADER + Graph::ALL.len() * KEYS * RECORD);
        let slots: Vec<usize> = Graph::ALL.iter().map(|g| g.slots()).collect();
        assert_eq!(slots, [6, 6, 8, 8, 6, 6]);
    }

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
        assert_eq!(Graph::Qwerty.neighbour('\u{100}', 0), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn shift_follows_each_layout() {
        const ZXCVBN_SHIFTED: &str = "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?";
        for graph in [Graph::Qwerty, Graph::Dvorak] {
            for code in 0..=255u8 {
                let key = char::from(code);
                assert_eq!(
                    graph.is_shifted(key),
                    ZXCVBN_SHIFTED.contains(key),
                    "{graph:?} {key:?}"
                );
            }
        }
        assert!(!Graph::Keypad.is_shifted('+'));
        // On AZERTY the digits are shifted and `&é"'(` are not; QWERTZ swaps y and z.
        assert!(Graph::Azerty.is_shifted('1') && !Graph::Azerty.is_shifted('&'));
        assert_eq!(Graph::Azerty.neighbour('&', 3), Some(('é', Some('2'))));
        assert_eq!(Graph::Azerty.neighbour('a', 3), Some(('z', Some('Z'))));
        assert_eq!(Graph::Qwertz.neighbour('t', 3), Some(('z', Some('Z'))));
        assert_eq!(Graph::Qwertz.neighbour('y', 3), Some(('x', Some('X'))));
        assert!(Graph::Qwertz.has_key('ß') && !Graph::Qwerty.has_key('ß'));
        assert!(Graph::Qwertz.is_keyboard() && Graph::Azerty.is_keyboard());
    }
}
