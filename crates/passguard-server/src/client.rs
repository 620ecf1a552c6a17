//! Who a request comes from, as the abuse controls count it: the peer address, or the
//! address `X-Forwarded-For` names when the peer is a trusted proxy; IPv6 grouped by /64 (one
//! customer's allocation), IPv4 by address. Work the server does for itself is `Local`.

use std::fmt;
use std::net::IpAddr;

use ipnet::{IpNet, Ipv6Net};

/// A client, as budgets, connection caps and the fair hashing queue count them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClientKey {
    /// An address (IPv4) or a /64 (IPv6).
    Net(IpNet),
    /// The server itself, or the command line: never limited.
    Local,
}

impl ClientKey {
    /// The client of an address.
    #[must_use]
    pub fn of(address: IpAddr) -> Self {
        match address.to_canonical() {
            IpAddr::V4(v4) => ClientKey::Net(IpNet::from(IpAddr::V4(v4))),
            IpAddr::V6(v6) => ClientKey::Net(
                Ipv6Net::new(v6, 64)
                    .map(|net| IpNet::V6(net.trunc()))
                    .unwrap_or_else(|_| IpNet::from(IpAddr::V6(v6))),
            ),
        }
    }

    /// The client of a request from `peer` with these `X-Forwarded-For` header values. The
    /// header is believed only from a peer in `trusted`, and then read right to left: the
    /// first address outside `trusted` is the client (a proxy appends what it saw, and only
    /// the proxies' own entries can be trusted). An entry that is not an address ends the walk
    /// at the last trusted hop.
    #[must_use]
    pub fn resolve<'h>(
        peer: IpAddr,
        forwarded_for: impl IntoIterator<Item = &'h str>,
        trusted: &[IpNet],
    ) -> Self {
        let peer = peer.to_canonical();
        let is_trusted = |address: IpAddr| is_trusted(address, trusted);
        if !is_trusted(peer) {
            return Self::of(peer);
        }
        let entries: Vec<&str> = forwarded_for
            .into_iter()
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .collect();
        let mut client = peer;
        for entry in entries.iter().rev() {
            let Some(address) = parse_entry(entry) else {
                break;
            };
            client = address;
            if !is_trusted(address) {
                break;
            }
        }
        Self::of(client)
    }
}

/// Whether `address` (canonical: an IPv4-mapped IPv6 address as IPv4) is one of the
/// `trusted_proxies`.
pub(crate) fn is_trusted(address: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&address))
}

/// An `X-Forwarded-For` entry: an address, an `address:port` or a `[v6]:port`.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<std::net::SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|address| address.to_canonical())
}

impl fmt::Display for ClientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientKey::Net(net) => write!(f, "{net}"),
            ClientKey::Local => f.write_str("local"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn addresses_and_slash_64s() {
        assert_eq!(
            ClientKey::of(ip("203.0.113.9")).to_string(),
            "203.0.113.9/32"
        );
        assert_eq!(
            ClientKey::of(ip("2001:db8:1:2:aaaa::1")),
            ClientKey::of(ip("2001:db8:1:2:bbbb::9"))
        );
        assert_eq!(
            ClientKey::of(ip("2001:db8:1:2::1")).to_string(),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            ClientKey::of(ip("::ffff:198.51.100.4")),
            ClientKey::of(ip("198.51.100.4"))
        );
    }

    #[test]
    fn forwarded_for_only_from_trusted_proxies_right_to_left() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let client = |peer, header| ClientKey::resolve(ip(peer), [header], &trusted).to_string();
        // Not a proxy: the header is whatever the client wants it to be, and is ignored.
        assert_eq!(client("198.51.100.4", "1.2.3.4"), "198.51.100.4/32");
        // Through our proxy: the right-most address it did not add.
        assert_eq!(client("10.0.0.5", "6.6.6.6, 203.0.113.9"), "203.0.113.9/32");
        assert_eq!(
            client("10.0.0.5", "203.0.113.9, 10.1.1.1"),
            "203.0.113.9/32"
        );
        assert_eq!(client("10.0.0.5", "203.0.113.9:4711"), "203.0.113.9/32");
        // Garbage ends the walk at the last trusted hop.
        assert_eq!(client("10.0.0.5", "203.0.113.9, unknown"), "10.0.0.5/32");
        // No header from the proxy: the proxy itself.
        assert_eq!(
            ClientKey::resolve(ip("10.0.0.5"), [], &trusted).to_string(),
            "10.0.0.5/32"
        );
    }
}
