//! A request body must arrive whole within `body_timeout` of its head: a client that drips a
//! body byte by byte loses its request (408 `request-timeout`) instead of holding a handler.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use hyper::body::{Frame, SizeHint};
use tokio::time::Sleep;

use super::state::AppState;

/// The error a body gives once its time is up.
#[derive(Debug)]
pub(crate) struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive in time")
    }
}

impl std::error::Error for BodyTimedOut {}

impl BodyTimedOut {
    /// Whether `error`, from reading a body, is this one.
    pub(crate) fn caused(error: axum::Error) -> bool {
        error.into_inner().downcast_ref::<BodyTimedOut>().is_some()
    }
}

/// Gives every request body the deadline.
pub(crate) async fn deadline(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let timeout = state.accounts().limits().body_timeout;
    next.run(request.map(|body| Body::new(Deadline::new(body, timeout))))
        .await
}

/// A body that fails once its deadline has passed.
struct Deadline {
    inner: Body,
    sleep: Pin<Box<Sleep>>,
}

impl Deadline {
    fn new(inner: Body, timeout: Duration) -> Self {
        Self {
            inner,
            sleep: Box::pin(tokio::time::sleep(timeout)),
        }
    }
}

impl HttpBody for Deadline {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::BoxError>>> {
        if let Poll::Ready(frame) = Pin::new(&mut self.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(axum::BoxError::from)));
        }
        match self.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(BodyTimedOut)))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test(start_paused = true)]
    async fn a_body_that_does_not_finish_in_time_fails_with_the_timeout() {
        let (mut tx, rx) = futures_channel_body();
        tx.push(Bytes::from_static(b"{\"user"));
        let mut body = Body::new(Deadline::new(rx.into_body(), Duration::from_secs(30)));
        let first = body.frame().await.unwrap().unwrap();
        assert_eq!(first.into_data().unwrap(), "{\"user");
        let error = body.frame().await.unwrap().unwrap_err();
        assert!(BodyTimedOut::caused(error));
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_in_time_is_untouched() {
        let body = Body::new(Deadline::new(Body::from("whole"), Duration::from_secs(30)));
        assert_eq!(body.collect().await.unwrap().to_bytes(), "whole");
    }

    /// A body fed by hand, that stays open until its sender is dropped.
    fn futures_channel_body() -> (Feeder, Fed) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        (Feeder(tx), Fed(rx))
    }

    struct Feeder(tokio::sync::mpsc::UnboundedSender<Bytes>);

    impl Feeder {
        fn push(&mut self, bytes: Bytes) {
            self.0.send(bytes).unwrap();
        }
    }

    struct Fed(tokio::sync::mpsc::UnboundedReceiver<Bytes>);

    impl Fed {
        fn into_body(self) -> Body {
            Body::new(self)
        }
    }

    impl HttpBody for Fed {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            self.0
                .poll_recv(cx)
                .map(|bytes| bytes.map(|b| Ok(Frame::data(b))))
        }
    }
}
