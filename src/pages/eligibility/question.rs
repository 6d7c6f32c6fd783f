//! `/eligibility/q/{question}`: one question per screen, big answers, "I don't
//! know" where it is a real answer, progress, and Back.

use kiosk_core::eligibility::CriminalCategory;
use leptos::prelude::*;

use crate::{
    api::eligibility::standards,
    components::{
        answer_button::AnswerButton,
        form::{
            frame::{FlowFrame, STEP_ERROR_ID},
            wizard::{arrive_at, step_nav},
        },
        numeric_keypad::NumericKeypad,
    },
    flows::self_check::{Answers, Category, Question},
    text::{
        Msg, fill,
        labels::{criminal_label, matter_label, status_label},
    },
    visit::prefs::{tr, use_prefs, use_t},
};

use super::{STATUSES, URGENCY, category_label, question_heading, urgency_label, use_self_check};

/// A question's hint line, if it has one.
fn hint(q: Question) -> Option<Msg> {
    match q {
        Question::Category => Some(Msg::QCategoryHint),
        Question::Lawyer => Some(Msg::QLawyerHint),
        Question::Criminal => Some(Msg::ChooseSeveralHint),
        Question::Statuses => Some(Msg::QStatusesHint),
        Question::Region => Some(Msg::QRegionHint),
        Question::OpposingParty => Some(Msg::QOpposingHint),
        Question::Income => Some(Msg::QIncomeHint),
        _ => None,
    }
}

#[component]
pub fn QuestionScreen(question: Question) -> AnyView {
    let t = use_t();
    let lang = use_prefs().lang;
    let answers = use_self_check().0;

    // A question that does not apply yet (a deep link, or answers changed) sends
    // the visitor to the one that does.
    if let Some(redirect) = arrive_at(answers, question) {
        return redirect;
    }
    let nav = step_nav(answers, question);

    // Records an answer and moves on.
    let choose = move |set: Box<dyn FnOnce(&mut Answers)>| {
        answers.update(|a| {
            set(a);
            a.mark(question);
        });
        nav.go.run(());
    };

    let heading = Signal::derive(move || answers.with(|a| question_heading(question, a)));

    let body = match question {
        Question::Category => single(
            pick(
                answers,
                Category::ALL.map(|c| (c, category_label(c))),
                |a| a.category,
                |a, c| a.set_category(c),
            ),
            choose,
        ),
        Question::Matter => {
            let category = answers
                .with_untracked(|a| a.category)
                .unwrap_or(Category::Other);
            single(
                pick(
                    answers,
                    category.matters().iter().map(|m| (*m, matter_label(*m))),
                    |a| a.matter,
                    |a, m| a.matter = Some(m),
                ),
                choose,
            )
        }
        Question::Lawyer => yes_no_unknown(
            answers,
            question,
            |a| a.has_lawyer,
            |a, v| a.has_lawyer = v,
            choose,
        ),
        Question::Retrial => yes_no_unknown(
            answers,
            question,
            |a| a.retrial_ordered,
            |a, v| a.retrial_ordered = v,
            choose,
        ),
        Question::OpposingParty => yes_no_unknown(
            answers,
            question,
            |a| a.opposing_party_in_household,
            |a, v| a.opposing_party_in_household = v,
            choose,
        ),
        Question::Criminal => multi(
            answers,
            CriminalCategory::ALL.map(|c| (c, criminal_label(c))).into(),
            |a: &mut Answers| &mut a.criminal,
            choose,
        ),
        Question::Statuses => multi(
            answers,
            STATUSES.iter().map(|s| (*s, status_label(*s))).collect(),
            |a: &mut Answers| &mut a.statuses,
            choose,
        ),
        Question::Region => {
            let mut choices: Vec<Choice> = standards()
                .entries()
                .iter()
                .map(|s| s.region.clone())
                .fold(Vec::<String>::new(), |mut v, r| {
                    if !v.contains(&r) {
                        v.push(r);
                    }
                    v
                })
                .into_iter()
                .map(|region| {
                    let name = standards()
                        .entries()
                        .iter()
                        .find(|s| s.region == region)
                        .map(|s| s.names.clone())
                        .expect("region from the list");
                    let r1 = region.clone();
                    let r2 = region.clone();
                    Choice {
                        label: Signal::derive(move || name.get(lang.get()).to_owned()),
                        chosen: Signal::derive(move || {
                            answers.with(|a| {
                                a.is_answered(question) && a.region.as_deref() == Some(r1.as_str())
                            })
                        }),
                        set: Box::new(move |a: &mut Answers| a.region = Some(r2.clone())),
                    }
                })
                .collect();
            choices.push(Choice {
                label: Signal::derive(move || t(Msg::OtherRegion).to_owned()),
                chosen: Signal::derive(move || {
                    answers.with(|a| a.is_answered(question) && a.region.is_none())
                }),
                set: Box::new(|a: &mut Answers| a.region = None),
            });
            single(choices, choose)
        }
        Question::Household => {
            let mut choices: Vec<Choice> = (1..=8u32)
                .map(|n| Choice {
                    label: Signal::derive(move || {
                        if n == 8 {
                            t(Msg::EightOrMore).to_owned()
                        } else {
                            fill(
                                Msg::PeopleTemplate.text(lang.get()),
                                &[("n", &n.to_string())],
                            )
                        }
                    }),
                    chosen: Signal::derive(move || answers.with(|a| a.household_size == Some(n))),
                    set: Box::new(move |a: &mut Answers| a.household_size = Some(n)),
                })
                .collect();
            choices.push(dont_know(
                answers,
                question,
                |a| a.household_size = None,
                move |a| a.household_size.is_none(),
            ));
            single(choices, choose)
        }
        Question::Urgency => {
            let mut choices = pick(
                answers,
                URGENCY.map(|u| (u, urgency_label(u))),
                |a| a.urgency,
                |a, u| a.urgency = Some(u),
            );
            choices.push(dont_know(
                answers,
                question,
                |a| a.urgency = None,
                |a| a.urgency.is_none(),
            ));
            single(choices, choose)
        }
        Question::Income => income(answers, nav.error, choose).into_any(),
    };

    view! {
        <FlowFrame
            heading=heading
            nav=nav
            hint=hint(question)
            progress_template=Msg::ProgressTemplate
        >
            {body}
        </FlowFrame>
    }
    .into_any()
}

/// One answer of a single-choice question.
struct Choice {
    label: Signal<String>,
    chosen: Signal<bool>,
    set: Box<dyn FnOnce(&mut Answers) + Send + Sync>,
}

fn single(
    choices: Vec<Choice>,
    choose: impl Fn(Box<dyn FnOnce(&mut Answers)>) + Copy + Send + Sync + 'static,
) -> AnyView {
    view! {
        <ul class="kiosk-answers">
            {choices
                .into_iter()
                .map(|c| {
                    let set = StoredValue::new(Some(c.set));
                    view! {
                        <AnswerButton
                            label=c.label
                            chosen=c.chosen
                            on_choose=move || {
                                if let Some(set) = set.try_update_value(Option::take).flatten() {
                                    choose(set);
                                }
                            }
                        />
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// One choice per option, chosen when `get` answers that option.
fn pick<T>(
    answers: RwSignal<Answers>,
    options: impl IntoIterator<Item = (T, Msg)>,
    get: fn(&Answers) -> Option<T>,
    set: fn(&mut Answers, T),
) -> Vec<Choice>
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let t = use_t();
    options
        .into_iter()
        .map(|(option, label)| Choice {
            label: Signal::derive(move || t(label).to_owned()),
            chosen: Signal::derive(move || answers.with(|a| get(a) == Some(option))),
            set: Box::new(move |a: &mut Answers| set(a, option)),
        })
        .collect()
}

/// "I don't know": chosen when the question was answered and the value is unknown.
fn dont_know(
    answers: RwSignal<Answers>,
    question: Question,
    set: fn(&mut Answers),
    unknown: fn(&Answers) -> bool,
) -> Choice {
    let t = use_t();
    Choice {
        label: Signal::derive(move || t(Msg::DontKnow).to_owned()),
        chosen: Signal::derive(move || answers.with(|a| a.is_answered(question) && unknown(a))),
        set: Box::new(set),
    }
}

fn yes_no_unknown(
    answers: RwSignal<Answers>,
    question: Question,
    get: fn(&Answers) -> Option<bool>,
    set: fn(&mut Answers, Option<bool>),
    choose: impl Fn(Box<dyn FnOnce(&mut Answers)>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let t = use_t();
    let value = move || answers.with(|a| a.is_answered(question).then(|| get(a)));
    let choices = [
        (Some(true), Msg::Yes),
        (Some(false), Msg::No),
        (None, Msg::DontKnow),
    ]
    .into_iter()
    .map(|(v, label)| Choice {
        label: Signal::derive(move || t(label).to_owned()),
        chosen: Signal::derive(move || value() == Some(v)),
        set: Box::new(move |a: &mut Answers| set(a, v)),
    })
    .collect();
    single(choices, choose)
}

fn multi<T>(
    answers: RwSignal<Answers>,
    options: Vec<(T, Msg)>,
    field: fn(&mut Answers) -> &mut Vec<T>,
    choose: impl Fn(Box<dyn FnOnce(&mut Answers)>) + Copy + Send + Sync + 'static,
) -> AnyView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let t = use_t();
    // Chosen here first, written to the answers on Continue.
    let picked = RwSignal::new(answers.with_untracked(|a| field(&mut a.clone()).clone()));
    view! {
        <ul class="kiosk-answers">
            {options
                .into_iter()
                .map(|(option, label)| {
                    view! {
                        <AnswerButton
                            label=Signal::derive(move || t(label).to_owned())
                            chosen=Signal::derive(move || picked.with(|p| p.contains(&option)))
                            multiple=true
                            on_choose=move || {
                                picked.update(|p| {
                                    if let Some(i) = p.iter().position(|x| *x == option) {
                                        p.remove(i);
                                    } else {
                                        p.push(option);
                                    }
                                })
                            }
                        />
                    }
                })
                .collect_view()}
        </ul>
        <div class="kiosk-question__actions">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| {
                    let chosen = picked.get_untracked();
                    choose(Box::new(move |a: &mut Answers| *field(a) = chosen));
                }
            >
                {tr(Msg::Continue)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| {
                    picked.set(Vec::new());
                    choose(Box::new(move |a: &mut Answers| field(a).clear()));
                }
            >
                {tr(Msg::NoneOfThese)}
            </button>
        </div>
    }
    .into_any()
}

fn income(
    answers: RwSignal<Answers>,
    error: RwSignal<Option<Msg>>,
    choose: impl Fn(Box<dyn FnOnce(&mut Answers)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let digits = RwSignal::new(
        answers.with_untracked(|a| a.income.map(|n| n.to_string()).unwrap_or_default()),
    );
    Effect::new(move |_| {
        if !digits.get().is_empty() {
            error.set(None);
        }
    });
    view! {
        <div class="kiosk-field">
            <label class="kiosk-field__label" for="kiosk-income">
                {tr(Msg::IncomeLabel)}
            </label>
            <NumericKeypad
                value=digits
                input_id="kiosk-income"
                max_len=7
                described_by=Signal::derive(move || {
                    if error.get().is_some() { STEP_ERROR_ID.to_owned() } else { String::new() }
                })
                invalid=Signal::derive(move || error.get().is_some())
            />
        </div>
        <div class="kiosk-question__actions">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| {
                    match digits.get_untracked().parse::<u64>() {
                        Ok(n) => choose(Box::new(move |a: &mut Answers| a.income = Some(n))),
                        Err(_) => error.set(Some(Msg::IncomeMissing)),
                    }
                }
            >
                {tr(Msg::Continue)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| choose(Box::new(|a: &mut Answers| a.income = None))
            >
                {tr(Msg::DontKnow)}
            </button>
        </div>
    }
}
