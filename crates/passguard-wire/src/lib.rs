#![doc = include_str!("../README.md")]

mod account;
mod admin;
mod error;
mod meta;
mod recovery;
mod values;

pub use account::{
    ChangeRequest, Done, Invitation, LoginRequest, Me, QuestionAnswer, RegisterRequest,
};
pub use admin::{
    Event, EventAction, InviteRequest, NewOrganization, Notices, Organization, OrganizationPatch,
    PolicyImpact, UserPatch, UserRow,
};
pub use error::{ErrorBody, ErrorDetails};
pub use meta::{ClockAnswer, ClockRequest, ConnectionCounters, Site, TestCounters};
pub use passguard_policy::{AuditReport, PolicyOverlay, Report};
pub use recovery::{Accepted, ForgotRequest, ResetQuestions, ResetRequest, UnlockRequest};
pub use values::{AccountStatus, Role, Secret};
