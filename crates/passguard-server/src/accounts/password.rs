//! Choosing a password: the one workflow registration, change and reset share. The right to
//! choose is proven first (the link alone, the current password, or the security answers,
//! verified on the hashing thread beside the engine's check so the time says nothing), then
//! the engine decides with the account's history, then the password and any answers are
//! hashed, and stored in one transaction under a guard (the link still unused, or the
//! replaced hash still current).

use passguard_i18n::Locale;
use passguard_policy::{Context, NoHistory, Report, RuleId, Status};
use passguard_wire::{
    ChangeRequest, Done, Me, QuestionAnswer, RegisterRequest, ResetRequest, Secret,
};

use passguard_wire::EventAction;

use super::error::QuestionsProblem;
use super::names::username_key;
use super::{Accounts, Error, NewSession, Rules, Session};
use crate::client::ClientKey;
use crate::hashing::{self, normalize_answer};
use crate::model::{LinkPurpose, SessionScope};
use crate::store::{Guard, NewPassword, User};
use crate::tokens;

/// The longest security question and answer, in characters.
pub(crate) const MAX_QUESTION_CHARS: usize = 200;
/// The shortest security answer, in characters after normalisation: "x" is no secret.
pub(crate) const MIN_ANSWER_CHARS: usize = 3;

/// What the hashing thread found.
enum Checked {
    /// The proof failed: nothing was checked or hashed.
    Unproven,
    /// The engine refused the password.
    Refused(Report),
    /// The breach store could not be read: nothing was decided.
    BreachUnreadable(passguard_breach::Error),
    /// Accepted: the password's hash, and the registration's answers with their hashes.
    Accepted {
        hash: String,
        answers: Vec<(String, String)>,
    },
}

impl Accounts {
    /// Registers an invited account: its password and security questions.
    pub(crate) async fn register(
        &self,
        client: &ClientKey,
        request: RegisterRequest,
        locale: Locale,
        remember: Option<Locale>,
    ) -> Result<Done, Error> {
        let link = self
            .redeemable(&request.token, LinkPurpose::Register)
            .await?;
        let wanted = self.policy_of(&link.user)?.reset.security_questions as usize;
        let questions = validate_questions(
            request.security_questions,
            wanted,
            &link.user.username,
            request.password.expose(),
        )?;
        let proof = if questions.is_empty() {
            Proof::Link
        } else {
            Proof::Questions(questions)
        };
        let through = Through::Invitation(link.selector);
        self.choose_password(
            client,
            &link.user,
            request.password,
            proof,
            through,
            locale,
            remember,
        )
        .await?;
        self.store()
            .forget_unknown_name(&tokens::name_digest(&username_key(&link.user.username)))
            .await?;
        Ok(Done {
            username: link.user.username,
        })
    }

    /// Changes the password of the session's account, given the current one; allowed to a
    /// session opened with an expired password. Every session is revoked; the answer is the
    /// account and a new session.
    pub(crate) async fn change(
        &self,
        client: &ClientKey,
        session: &Session,
        request: ChangeRequest,
        locale: Locale,
    ) -> Result<(Me, NewSession), Error> {
        let user = &session.user;
        let stored = user.password_hash.clone().ok_or(Error::Unauthenticated)?;
        let proof = Proof::Current {
            current: request.current_password,
            stored: stored.clone(),
        };
        let through = Through::CurrentPassword {
            hash: stored,
            // An expired or refused password must be changed now: min-age does not hold
            // that change back.
            forced: session.scope == SessionScope::ChangePassword,
        };
        self.choose_password(
            client,
            user,
            request.new_password,
            proof,
            through,
            locale,
            None,
        )
        .await?;
        let now = self.clock().now();
        let user = self
            .store()
            .user_by_id(user.id)
            .await?
            .unwrap_or_else(|| user.clone());
        let new = self.open_session(&user, SessionScope::Full, now).await?;
        let me = self.me(&user, SessionScope::Full, now, locale).await?;
        Ok((me, new))
    }

    /// Redeems a reset link: the answers (counted toward the lock), then the engine's rules,
    /// then the link is consumed atomically with the new password.
    pub(crate) async fn reset(
        &self,
        client: &ClientKey,
        request: ResetRequest,
        locale: Locale,
    ) -> Result<Done, Error> {
        let link = self.redeemable(&request.token, LinkPurpose::Reset).await?;
        let stored = self
            .store()
            .security_answers(link.user.id)
            .await?
            .into_iter()
            .map(|(_, hash)| hash)
            .collect();
        let proof = Proof::Answers {
            answers: request.answers,
            stored,
        };
        let through = Through::ResetLink(link.selector);
        self.choose_password(
            client,
            &link.user,
            request.new_password,
            proof,
            through,
            locale,
            None,
        )
        .await?;
        Ok(Done {
            username: link.user.username,
        })
    }

    /// The workflow: prove, check, hash, store. `locale` words the report; `remember`
    /// becomes the account's language.
    #[allow(clippy::too_many_arguments)]
    async fn choose_password(
        &self,
        client: &ClientKey,
        user: &User,
        password: Secret,
        proof: Proof,
        through: Through,
        locale: Locale,
        remember: Option<Locale>,
    ) -> Result<(), Error> {
        let now = self.clock().now();
        let policy = self.policy_of(user)?;
        let rules = Rules::of(&policy);
        // A registration's guard refuses a locked account in its statement; a reset by
        // e-mail lifts a lock where the policy lets the owner help themselves.
        let lifts_lock = matches!(through, Through::ResetLink(_)) && rules.reset_lifts_lock(user);
        if !matches!(through, Through::Invitation(_)) && !lifts_lock && rules.is_locked(user, now) {
            return Err(self.locked());
        }
        if let Proof::Answers { answers, stored } = &proof
            && answers.len() != stored.len()
        {
            return Err(Error::AnswerCount {
                expected: stored.len(),
            });
        }
        let changing = matches!(through, Through::CurrentPassword { forced: false, .. });
        let context = Context {
            username: Some(user.username.clone()),
            email: Some(user.email.clone()),
            current_password: match &proof {
                Proof::Current { current, .. } => Some(current.expose().to_owned()),
                _ => None,
            },
            password_changed_at: if changing {
                user.password_changed_at
            } else {
                None
            },
            now: Some(now),
            locale: Some(locale),
            ..Context::default()
        };
        // A change refused for its age needs no history verifications: `not-reused` then
        // stays pending in the report.
        let too_soon = changing && rules.can_change_after(user).is_some_and(|at| now < at);
        let history = match &through {
            Through::Invitation(_) => Some(Vec::new()),
            _ if too_soon => None,
            _ => Some(self.remembered(user.id, rules.history()).await?),
        };
        let checking = policy.clone();
        let breach = self.breach_store_for(&policy);
        let mut context = context;
        let checked = self
            .hasher()
            .run(client, move |work| -> Result<Checked, hashing::Error> {
                let proven = match &proof {
                    Proof::Link | Proof::Questions(_) => true,
                    Proof::Current { current, stored } => {
                        work.verify_password(current.expose(), Some(stored))
                    }
                    // Every answer is verified, right or wrong, so the time taken says nothing.
                    Proof::Answers { answers, stored } => answers
                        .iter()
                        .zip(stored)
                        .map(|(answer, stored)| work.verify_answer(answer.expose(), stored))
                        .fold(true, |all, one| all & one),
                };
                if !proven {
                    return Ok(Checked::Unproven);
                }
                // The password as typed and its NFKC form, each one positioned read.
                if let Some(store) = &breach {
                    match store.contains_password(password.expose()) {
                        Ok(found) => context.breached = Some(found),
                        Err(error) => return Ok(Checked::BreachUnreadable(error)),
                    }
                }
                let report = match &history {
                    Some(hashes) => {
                        checking.check_with(password.expose(), &context, &work.history(hashes))
                    }
                    None => checking.check_with(password.expose(), &context, &NoHistory),
                };
                if !report.accepted {
                    return Ok(Checked::Refused(report));
                }
                let hash = work.hash_password(password.expose())?;
                let answers = match proof {
                    Proof::Questions(questions) => questions
                        .into_iter()
                        .map(|(question, answer)| {
                            Ok((question, work.hash_answer(answer.expose())?))
                        })
                        .collect::<Result<_, hashing::Error>>()?,
                    _ => Vec::new(),
                };
                Ok(Checked::Accepted { hash, answers })
            })
            .await??;
        if let Through::ResetLink(_) = through {
            match &checked {
                Checked::Unproven => return Err(self.wrong_answers(user, rules, now).await?),
                // Right answers: the count of wrong ones starts again.
                _ => self.store().answers_succeeded(user.id).await?,
            }
        }
        let (hash, answers) = match checked {
            Checked::Unproven => {
                let event = self.event(user, EventAction::LoginFailed, &user.username);
                let lock = self
                    .store()
                    .login_failed(user.id, rules.login_lock(now), &event)
                    .await?;
                self.after_failure(user, rules, lock);
                return Err(self.failed(lock.locked));
            }
            Checked::Refused(report) => return Err(refusal(report, now)),
            Checked::BreachUnreadable(error) => return Err(Error::Breach(error)),
            Checked::Accepted { hash, answers } => (hash, answers),
        };
        let registering = matches!(through, Through::Invitation(_));
        let action = if registering {
            EventAction::Registered
        } else {
            EventAction::PasswordChanged
        };
        let event = self.event(user, action, &user.username);
        let stored = self
            .store()
            .set_password(
                &NewPassword {
                    user_id: user.id,
                    hash: &hash,
                    now,
                    keep: rules.keep(),
                    guard: through.guard(),
                    answers: registering.then_some(answers.as_slice()),
                    lifted_until: if lifts_lock {
                        i64::MAX
                    } else {
                        rules.lifted_until(now)
                    },
                    locale: remember,
                },
                &event,
            )
            .await?;
        match (stored, &through) {
            (true, Through::ResetLink(_)) => {
                // The link is spent: a new request may come at once.
                self.refill(super::Budget::ResetGrace, &user.id.to_string())
                    .await
            }
            (true, _) => Ok(()),
            (false, Through::CurrentPassword { .. }) => Err(Error::Conflict),
            (false, _) => Err(Error::TokenUsed),
        }
    }

    /// The hashes the engine's `not-reused` rule compares against.
    async fn remembered(&self, user_id: i64, history: u32) -> Result<Vec<String>, Error> {
        if history == 0 {
            return Ok(Vec::new());
        }
        Ok(self.store().history(user_id, i64::from(history)).await?)
    }

    /// Counts a wrong set of answers: `wrong-answers`, or `locked` when this one locks.
    async fn wrong_answers(&self, user: &User, rules: Rules<'_>, now: i64) -> Result<Error, Error> {
        let about = self.event(user, EventAction::Locked, "system");
        let lock = self
            .store()
            .answers_failed(user.id, rules.answers_lock(now), &about)
            .await?;
        self.after_failure(user, rules, lock);
        Ok(if lock.locked {
            self.locked()
        } else {
            Error::WrongAnswers
        })
    }
}

/// Exactly `wanted` questions (the policy's number), each 1 to 200 characters and distinct,
/// each with an answer of [`MIN_ANSWER_CHARS`] to 200 characters (compared as they are
/// verified: case and spacing ignored), the answers distinct, and none the `username` or the
/// `password`: an answer anyone can guess, or one that gives the password away, defeats
/// the questions.
fn validate_questions(
    questions: Vec<QuestionAnswer>,
    wanted: usize,
    username: &str,
    password: &str,
) -> Result<Vec<(String, Secret)>, Error> {
    let invalid = |problem| Err(Error::Questions(problem));
    if questions.len() != wanted {
        return invalid(QuestionsProblem::Count {
            wanted,
            found: questions.len(),
        });
    }
    let mut seen = Vec::with_capacity(wanted);
    let mut seen_answers: Vec<String> = Vec::with_capacity(wanted);
    let secrets = [normalize_answer(username), normalize_answer(password)];
    let mut out = Vec::with_capacity(wanted);
    for QuestionAnswer { question, answer } in questions {
        let question = question.trim().to_owned();
        let length = question.chars().count();
        if length == 0 || length > MAX_QUESTION_CHARS || question.chars().any(char::is_control) {
            return invalid(QuestionsProblem::Question {
                max: MAX_QUESTION_CHARS,
            });
        }
        let key = normalize_answer(&question);
        if seen.contains(&key) {
            return invalid(QuestionsProblem::Duplicate);
        }
        seen.push(key);
        let normalized = normalize_answer(answer.expose());
        let length = normalized.chars().count();
        if !(MIN_ANSWER_CHARS..=MAX_QUESTION_CHARS).contains(&length) {
            return invalid(QuestionsProblem::Answer {
                min: MIN_ANSWER_CHARS,
                max: MAX_QUESTION_CHARS,
            });
        }
        if secrets.contains(&normalized) {
            return invalid(QuestionsProblem::AnswerIsSecret);
        }
        if seen_answers.contains(&normalized) {
            return invalid(QuestionsProblem::SameAnswer);
        }
        seen_answers.push(normalized);
        out.push((question, answer));
    }
    Ok(out)
}

/// What the hashing thread verifies (and, for a registration, hashes besides the password).
enum Proof {
    /// Nothing to verify: the link was redeemed; no questions (0 asked).
    Link,
    /// A registration's questions and answers, to hash.
    Questions(Vec<(String, Secret)>),
    /// The current password and its stored hash.
    Current { current: Secret, stored: String },
    /// The answers given and the stored hashes, in order.
    Answers {
        answers: Vec<Secret>,
        stored: Vec<String>,
    },
}

/// What a new password is chosen through: what it replaces, and the guard that must still
/// hold when it is stored.
enum Through {
    /// The invitation link with this selector.
    Invitation(String),
    /// The reset link with this selector.
    ResetLink(String),
    /// The current password, whose hash this is; `forced` when the session may only change
    /// it (expired, or refused at login).
    CurrentPassword { hash: String, forced: bool },
}

impl Through {
    fn guard(&self) -> Guard<'_> {
        match self {
            Through::Invitation(selector) => Guard::Link {
                selector,
                purpose: LinkPurpose::Register,
            },
            Through::ResetLink(selector) => Guard::Link {
                selector,
                purpose: LinkPurpose::Reset,
            },
            Through::CurrentPassword { hash, .. } => Guard::CurrentHash(hash),
        }
    }
}

/// `min-age` when that rule failed (the password was changed too recently), otherwise the
/// engine's refusal.
fn refusal(report: Report, now: i64) -> Error {
    if let Some(rule) = report
        .rule(RuleId::MinAge)
        .filter(|rule| rule.status == Status::Fail)
    {
        let allowed_at = rule.params.get_int("allowed_at").unwrap_or(now);
        return Error::MinAge {
            wait: allowed_at.saturating_sub(now).max(1),
            allowed_at,
            report: Box::new(report),
        };
    }
    Error::Rejected(Box::new(report))
}
