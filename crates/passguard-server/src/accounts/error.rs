//! The domain layer's one error type: a refusal the account rules decided (with what its
//! sentence needs), or a failure of something underneath, with its cause kept for whoever
//! reports it.

use std::fmt;

use passguard_i18n::Locale;
use passguard_policy::{PolicyError, Report};

use crate::texts::{self, Message, Value};
use crate::{hashing, mail};

/// Why an account operation did not happen.
#[derive(Debug)]
pub enum Error {
    // Refusals: the request was understood and the rules say no.
    /// The username is empty, too long, or holds spaces, controls or `/`.
    InvalidUsername {
        /// The longest username allowed, in characters.
        max: usize,
    },
    /// The e-mail address is not one.
    InvalidEmail,
    /// The username is taken.
    Exists {
        /// The username as asked for.
        username: String,
    },
    /// Wrong password, or no such account: the same refusal for both.
    InvalidCredentials,
    /// The account is locked (or, for an unknown name, counts as locked).
    Locked {
        /// Who to contact.
        contact: crate::texts::Localized,
        /// How a lock is lifted under the site's policy (the same for every account, so the
        /// answer tells nothing about the account or its organization).
        unlock: passguard_policy::Unlock,
    },
    /// The password expired and the grace period is over: nothing but a reset link helps.
    PasswordExpired {
        /// When it expired (Unix seconds).
        expired_at: i64,
        /// Who to contact.
        contact: crate::texts::Localized,
    },
    /// No valid session.
    Unauthenticated,
    /// A session opened with an expired password may only change it.
    ChangeOnlySession,
    /// Signed in, but the role does not allow it.
    Forbidden,
    /// No such account (or none this administrator may see).
    NoSuchAccount,
    /// No such link.
    TokenUnknown,
    /// The link was used, or replaced by a newer one.
    TokenUsed,
    /// The link expired.
    TokenExpired,
    /// Wrong security answers.
    WrongAnswers,
    /// Not one answer per security question.
    AnswerCount {
        /// How many questions the account has.
        expected: usize,
    },
    /// The security questions chosen at registration are unusable.
    Questions(QuestionsProblem),
    /// The engine refused the password: its report says why.
    Rejected(Box<Report>),
    /// The password was changed too recently.
    MinAge {
        /// The engine's report.
        report: Box<Report>,
        /// When a change is allowed again (Unix seconds).
        allowed_at: i64,
        /// How long that is from now, in seconds (at least 1).
        wait: i64,
    },
    /// The password changed while this change was being checked.
    Conflict,
    /// The account has not registered yet.
    Invited,
    /// A budget is spent: the client (or the account) must wait.
    RateLimited {
        /// Seconds until it may try again (at least 1).
        retry_after: i64,
    },
    /// An administrator revoked the password: only a reset link sets a new one.
    ResetRequired {
        /// Who to contact.
        contact: crate::texts::Localized,
    },
    /// The account must be unlocked first.
    LockedUnlockFirst,
    /// The account is disabled: enable it first.
    Disabled,
    /// The account has registered: there is no invitation to send again.
    NotInvited,
    /// Nobody acts on their own account's role, nor disables or deletes it.
    OwnAccount,
    /// Only an administrator gives the administrator role.
    AdminRoleForbidden,
    /// An administrator belongs to no organization.
    AdminInOrg,
    /// An organization's administrator needs an organization.
    OrgRequired,
    /// No such organization (or none this administrator may see).
    NoSuchOrg,
    /// The organization slug is taken.
    OrgExists {
        /// The slug.
        slug: String,
    },
    /// The slug is not 1 to 32 lower-case letters, digits and hyphens starting with a letter.
    InvalidSlug {
        /// The longest slug.
        max: usize,
    },
    /// The organization's name is empty or too long.
    InvalidOrgName {
        /// The longest name.
        max: usize,
    },
    /// A support contact or notice is too long or holds control characters.
    InvalidText {
        /// The longest text.
        max: usize,
    },
    /// The organization's policy overlay would loosen the site's, or does not validate.
    InvalidPolicy(PolicyError),
    /// A breach range was asked for with a prefix that is not 5 hex digits.
    InvalidPrefix,
    /// No breach store is configured.
    NoBreachStore,
    /// No policy is staged.
    NoStagedPolicy,

    // Failures: something underneath broke; the cause is kept.
    /// The database.
    Db(sqlx::Error),
    /// Sending an e-mail.
    Mail(mail::Error),
    /// The operating system's CSPRNG.
    Csprng(getrandom::Error),
    /// The hashing queue is full.
    Busy,
    /// The hashing thread died.
    HashingThread(tokio::task::JoinError),
    /// Argon2 refused to hash.
    Hashing(argon2::password_hash::Error),
    /// Reading the breach store (a failed read is never taken for "not breached").
    Breach(passguard_breach::Error),
    /// An organization's stored policy no longer combines with the site's (the site policy
    /// changed under it).
    OrgPolicy {
        /// The organization.
        slug: String,
        /// Why.
        error: PolicyError,
    },
}

/// What is wrong with the security questions of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionsProblem {
    /// Not exactly the policy's number of questions.
    Count {
        /// How many the policy asks for.
        wanted: usize,
        /// How many were given.
        found: usize,
    },
    /// A question is empty, too long or holds control characters.
    Question {
        /// The longest question, in characters.
        max: usize,
    },
    /// The same question twice.
    Duplicate,
    /// An answer is too short or too long.
    Answer {
        /// The shortest answer, in characters.
        min: usize,
        /// The longest answer, in characters.
        max: usize,
    },
    /// Two questions have the same answer.
    SameAnswer,
    /// An answer is the username or the password.
    AnswerIsSecret,
}

impl Error {
    /// Whether something underneath failed (as opposed to a rule refusing).
    #[must_use]
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Error::Db(_)
                | Error::Mail(_)
                | Error::Csprng(_)
                | Error::Busy
                | Error::HashingThread(_)
                | Error::Hashing(_)
                | Error::Breach(_)
                | Error::OrgPolicy { .. }
        )
    }

    /// The sentence that tells a person what happened, in any language.
    #[must_use]
    pub(crate) fn sentence(&self) -> Message {
        let say = Message::new;
        match self {
            Error::InvalidUsername { max } => say(texts::INVALID_USERNAME).arg("max", *max),
            Error::InvalidEmail => say(texts::INVALID_EMAIL),
            Error::Exists { username } => say(texts::EXISTS).arg("username", username.as_str()),
            Error::InvalidCredentials => say(texts::INVALID_CREDENTIALS),
            Error::Locked { contact, unlock } => say(match unlock {
                passguard_policy::Unlock::Admin => texts::LOCKED,
                passguard_policy::Unlock::Email => texts::LOCKED_EMAIL,
                passguard_policy::Unlock::After(_) => texts::LOCKED_TIMED,
            })
            .arg("contact", contact.clone()),
            Error::PasswordExpired {
                expired_at,
                contact,
            } => say(texts::EXPIRED_CLOSED)
                .arg("date", Value::Time(*expired_at))
                .arg("contact", contact.clone()),
            Error::Unauthenticated => say(texts::UNAUTHENTICATED),
            Error::ChangeOnlySession => say(texts::EXPIRED_SESSION),
            Error::Forbidden => say(texts::FORBIDDEN),
            Error::NoSuchAccount => say(texts::NO_SUCH_ACCOUNT),
            Error::TokenUnknown => say(texts::TOKEN_UNKNOWN),
            Error::TokenUsed => say(texts::TOKEN_USED),
            Error::TokenExpired => say(texts::TOKEN_EXPIRED),
            Error::WrongAnswers => say(texts::WRONG_ANSWERS),
            Error::AnswerCount { expected } => say(texts::REQUEST_ANSWERS).arg("count", *expected),
            Error::Questions(problem) => match *problem {
                QuestionsProblem::Count { wanted, found } => say(texts::QUESTIONS_COUNT)
                    .arg("wanted", wanted)
                    .arg("found", found),
                QuestionsProblem::Question { max } => {
                    say(texts::QUESTIONS_QUESTION).arg("max", max)
                }
                QuestionsProblem::Duplicate => say(texts::QUESTIONS_DUPLICATE),
                QuestionsProblem::Answer { min, max } => {
                    say(texts::QUESTIONS_ANSWER).arg("min", min).arg("max", max)
                }
                QuestionsProblem::SameAnswer => say(texts::QUESTIONS_SAME_ANSWER),
                QuestionsProblem::AnswerIsSecret => say(texts::QUESTIONS_ANSWER_SECRET),
            },
            Error::Rejected(_) => say(texts::PASSWORD_REJECTED),
            Error::MinAge { wait, .. } => say(texts::MIN_AGE).arg("remaining", Value::Span(*wait)),
            Error::Conflict => say(texts::CONFLICT),
            Error::Invited => say(texts::INVITED),
            Error::RateLimited { retry_after } => {
                say(texts::RATE_LIMITED).arg("wait", Value::Span(*retry_after))
            }
            Error::ResetRequired { contact } => {
                say(texts::RESET_REQUIRED).arg("contact", contact.clone())
            }
            Error::LockedUnlockFirst => say(texts::LOCKED_UNLOCK_FIRST),
            Error::Disabled => say(texts::DISABLED),
            Error::NotInvited => say(texts::NOT_INVITED),
            Error::OwnAccount => say(texts::OWN_ACCOUNT),
            Error::AdminRoleForbidden => say(texts::FORBIDDEN_ADMIN_ROLE),
            Error::AdminInOrg => say(texts::ADMIN_IN_ORG),
            Error::OrgRequired => say(texts::ORG_REQUIRED),
            Error::NoSuchOrg => say(texts::NO_SUCH_ORG),
            Error::OrgExists { slug } => say(texts::ORG_EXISTS).arg("slug", slug.as_str()),
            Error::InvalidSlug { max } => say(texts::INVALID_SLUG).arg("max", *max),
            Error::InvalidOrgName { max } => say(texts::INVALID_ORG_NAME).arg("max", *max),
            Error::InvalidText { max } => say(texts::INVALID_TEXT).arg("max", *max),
            Error::InvalidPolicy(error) => say(texts::INVALID_POLICY)
                .arg("field", error.field().unwrap_or("policy"))
                .arg("problem", problem(error)),
            Error::InvalidPrefix => say(texts::INVALID_PREFIX),
            Error::NoBreachStore => say(texts::BREACH_STORE_MISSING),
            Error::NoStagedPolicy => say(texts::NO_STAGED_POLICY),
            Error::Busy => say(texts::BUSY),
            Error::Db(_)
            | Error::Mail(_)
            | Error::Csprng(_)
            | Error::HashingThread(_)
            | Error::Hashing(_)
            | Error::Breach(_)
            | Error::OrgPolicy { .. } => say(texts::INTERNAL),
        }
    }
}

/// A refusal reads as its English sentence; a failure as what failed and why, for logs and
/// for the operator at the command line.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Db(e) => write!(f, "database: {e}"),
            Error::Mail(e) => write!(f, "e-mail: {e}"),
            Error::Csprng(e) => write!(f, "CSPRNG: {e}"),
            Error::HashingThread(e) => write!(f, "hashing thread: {e}"),
            Error::Hashing(e) => write!(f, "argon2: {e}"),
            Error::Breach(e) => write!(f, "breach store: {e}"),
            Error::OrgPolicy { slug, error } => write!(
                f,
                "organization {slug}: its policy no longer combines with the site policy: {error}"
            ),
            refusal => f.write_str(&refusal.sentence().render(Locale::En)),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Db(e) => Some(e),
            Error::Mail(e) => Some(e),
            Error::Csprng(e) => Some(e),
            Error::HashingThread(e) => Some(e),
            Error::Breach(e) => Some(e),
            _ => None,
        }
    }
}

/// A policy error without the field it starts with (the sentence names the field apart).
fn problem(error: &PolicyError) -> String {
    let text = error.to_string();
    match error.field() {
        Some(field) => text
            .strip_prefix(field)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&text)
            .to_owned(),
        None => text,
    }
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Error::Db(error)
    }
}

impl From<mail::Error> for Error {
    fn from(error: mail::Error) -> Self {
        Error::Mail(error)
    }
}

impl From<getrandom::Error> for Error {
    fn from(error: getrandom::Error) -> Self {
        Error::Csprng(error)
    }
}

impl From<hashing::Error> for Error {
    fn from(error: hashing::Error) -> Self {
        match error {
            hashing::Error::Busy => Error::Busy,
            hashing::Error::ClientBusy => Error::RateLimited { retry_after: 1 },
            hashing::Error::Thread(e) => Error::HashingThread(e),
            hashing::Error::Argon2(e) => Error::Hashing(e),
            hashing::Error::Csprng(e) => Error::Csprng(e),
        }
    }
}
