//! Attribution rules, each with a test. Mentions are given by hand here so
//! the rules are tested apart from the name tagger.

use super::*;
use crate::entities;

/// Quotes of `text` with `(substring, label)` mentions marked in order,
/// as `(quote text, speaker name, cue)`.
fn attribute(text: &str, items: &[(&str, Label)]) -> Vec<(String, Option<String>, Option<String>)> {
    let mut at = 0;
    let mut ms: Vec<Mention> = items
        .iter()
        .map(|(s, l)| {
            let start = at + text[at..].find(s).expect("mention substring present");
            at = start + s.len();
            Mention::new(text, Span::new(start, at), *l)
        })
        .collect();
    let es = entities::group(text, &mut ms);
    find(text, &ms, &es)
        .into_iter()
        .map(|q| {
            (
                q.span.slice(text).to_string(),
                q.speaker.map(|e| es[e].name.clone()),
                q.cue.map(|c| c.slice(text).to_string()),
            )
        })
        .collect()
}

fn speakers(text: &str, items: &[(&str, Label)]) -> Vec<Option<String>> {
    attribute(text, items).into_iter().map(|q| q.1).collect()
}

const P: Label = Label::Person;

#[test]
fn name_said_after_quote() {
    let q = attribute(
        "“We are not in a hurry,” Peskov told reporters.",
        &[("Peskov", P)],
    );
    assert_eq!(
        q,
        vec![(
            "“We are not in a hurry,”".into(),
            Some("Peskov".into()),
            Some("told".into())
        )]
    );
}

#[test]
fn said_name_after_quote_with_role() {
    let t = "\"It is over,\" said Kremlin spokesperson Dmitry Peskov.";
    assert_eq!(
        speakers(t, &[("Dmitry Peskov", P)]),
        vec![Some("Dmitry Peskov".into())]
    );
}

#[test]
fn according_to() {
    let t = "“Prices will rise,” according to Janet Ortiz, an economist.";
    assert_eq!(
        speakers(t, &[("Janet Ortiz", P)]),
        vec![Some("Janet Ortiz".into())]
    );
    let t = "According to Janet Ortiz, “prices will rise next year.”";
    assert_eq!(
        speakers(t, &[("Janet Ortiz", P)]),
        vec![Some("Janet Ortiz".into())]
    );
}

#[test]
fn colon_before_quote() {
    let t = "Mayor Ana Ruiz said: “The bridge reopens on Monday.”";
    assert_eq!(
        speakers(t, &[("Ana Ruiz", P)]),
        vec![Some("Ana Ruiz".into())]
    );
}

#[test]
fn quoted_as_saying() {
    let t = "Tom Baker was quoted as saying “we never planned this.”";
    let q = attribute(t, &[("Tom Baker", P)]);
    assert_eq!(q[0].1.as_deref(), Some("Tom Baker"));
    assert_eq!(q[0].2.as_deref(), Some("was quoted as saying"));
}

#[test]
fn told_outlet_and_added() {
    let t = "Lena Park met voters. “It went well,” Park told NBC. “We will be back,” she added.";
    let q = attribute(t, &[("Lena Park", P), ("Park", P), ("NBC", Label::Org)]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1.as_deref(), Some("Lena Park"));
    assert_eq!(q[1].1.as_deref(), Some("Lena Park"));
    assert_eq!(q[1].2.as_deref(), Some("added"));
}

#[test]
fn pronoun_resolves_to_nearest_person_outside_quotes() {
    let t = "Omar Haddad spoke after Kiri Tane left. “We disagree,” he said.";
    // Nearest person before "he" whose gender is unknown: Kiri Tane.
    assert_eq!(
        speakers(t, &[("Omar Haddad", P), ("Kiri Tane", P)]),
        vec![Some("Kiri Tane".into())]
    );
    // "Maria" tells: "he" skips her for Omar Haddad.
    let t = "Omar Haddad spoke after Maria Lopez left. “We disagree,” he said.";
    assert_eq!(
        speakers(t, &[("Omar Haddad", P), ("Maria Lopez", P)]),
        vec![Some("Omar Haddad".into())]
    );
    let t = "Omar Haddad arrived. “Ask Maria Lopez,” he said.";
    assert_eq!(
        speakers(t, &[("Omar Haddad", P), ("Maria Lopez", P)]),
        vec![Some("Omar Haddad".into())]
    );
}

#[test]
fn nominal_with_role() {
    let t = "Dmitry Peskov, the Kremlin spokesperson, spoke. “No comment,” the spokesperson said.";
    assert_eq!(
        speakers(t, &[("Dmitry Peskov", P)]),
        vec![Some("Dmitry Peskov".into())]
    );
}

#[test]
fn continuation_across_paragraphs() {
    let t = "“We are ready,” Peskov said.\n\n“The conditions are not there yet.”";
    assert_eq!(
        speakers(t, &[("Peskov", P)]),
        vec![Some("Peskov".into()), Some("Peskov".into())]
    );
}

#[test]
fn quote_spanning_paragraphs() {
    let t = "“First part.\n\n“Second part,” Grossi said.";
    let q = attribute(t, &[("Grossi", P)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Grossi"));
}

#[test]
fn speaker_in_next_sentence() {
    let t = "“We will not back down.” That was the message Prime Minister Sara Holm gave reporters, who said little.";
    // The cue ("said") and the person are in the next sentence.
    assert_eq!(
        speakers(t, &[("Sara Holm", P)]),
        vec![Some("Sara Holm".into())]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    let t = "Moscow calls it a “special military operation” in Ukraine.";
    assert!(attribute(t, &[("Moscow", Label::Gpe), ("Ukraine", Label::Gpe)]).is_empty());
    let t = "The so-called “peace plan” failed.";
    assert!(attribute(t, &[]).is_empty());
    let t = "He reviewed the film “Dune” last week.";
    assert!(attribute(t, &[]).is_empty());
    // The naming verb a few words back, with a speech verb earlier in the
    // sentence.
    let t = "Rishi Sunak announced a plan, days after Labour called the service \"broken.\"";
    assert!(attribute(t, &[("Rishi Sunak", P), ("Labour", Label::Org)]).is_empty());
    let t = "Critics have dubbed the new tax plan “a raid” on savers.";
    assert!(attribute(t, &[]).is_empty());
}

#[test]
fn a_naming_verb_does_not_hide_speech() {
    // Past a comma, and for a long quote, the verb names nothing quoted.
    let t = "Ana Ruiz called for calm, and said “we will rebuild”.";
    assert_eq!(attribute(t, &[("Ana Ruiz", P)]).len(), 1);
    let t = "Ana Ruiz called reporters and said “we will rebuild every single home”.";
    let q = attribute(t, &[("Ana Ruiz", P)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn embedded_quote_after_speech_verb() {
    let t =
        "Rafael Grossi told the Financial Times that the situation was “extremely fragile” now.";
    let q = attribute(t, &[("Rafael Grossi", P), ("Financial Times", Label::Org)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Rafael Grossi"));
}

#[test]
fn same_surname_speakers_kept_apart() {
    let t = "Bill Clinton spoke first. “It was great,” Clinton said. Then Hillary Clinton took the stage. “Thank you,” Clinton said.";
    let s = speakers(
        t,
        &[
            ("Bill Clinton", P),
            ("Clinton", P),
            ("Hillary Clinton", P),
            ("Clinton", P),
        ],
    );
    assert_eq!(
        s,
        vec![Some("Bill Clinton".into()), Some("Hillary Clinton".into())]
    );
}

#[test]
fn nested_and_unbalanced_never_crash() {
    let t = "“He said ‘never’ to me,” Ann Lee said. Then “an open quote\nand a plain line.";
    let q = attribute(t, &[("Ann Lee", P)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Ann Lee"));
}

#[test]
fn second_quote_in_a_paragraph_continues_its_speaker() {
    let t = "“We are not in a hurry,” Peskov told reporters. “The conditions are not there yet.”";
    assert_eq!(
        speakers(t, &[("Peskov", P)]),
        vec![Some("Peskov".into()), Some("Peskov".into())]
    );
}

#[test]
fn colon_introduces_the_subject() {
    let t = "Lucas Ferraz was more sceptical: “One good year does not make a trend.”";
    let q = attribute(t, &[("Lucas Ferraz", P)]);
    assert_eq!(q[0].1.as_deref(), Some("Lucas Ferraz"));
    assert_eq!(q[0].2.as_deref(), Some(":"));
}

#[test]
fn sentence_around_a_mention() {
    let t = "First one. The U.S. met on Friday, he said.\nNext line.";
    let at = t.find("Friday").unwrap_or(0);
    let s = sentence_around(t, Span::new(at, at + 6));
    assert_eq!(s.slice(t), "The U.S. met on Friday, he said.");
}

#[test]
fn pronoun_skips_a_person_of_the_other_gender() {
    // Given names tell: "she" is Maria Lopez, not the nearer Tom Becker.
    let text = "Maria Lopez met Tom Becker on Monday. “We will sign next week,” she said.";
    assert_eq!(
        speakers(text, &[("Maria Lopez", P), ("Tom Becker", P)]),
        vec![Some("Maria Lopez".into())]
    );
    // Titles and roles tell, where the given name is unknown.
    let text = "Mrs. Okafor thanked Mr. Adeyemi. “He has been patient,” she said. \
                “We disagree on much,” he added.";
    assert_eq!(
        speakers(text, &[("Okafor", P), ("Adeyemi", P)]),
        vec![Some("Okafor".into()), Some("Adeyemi".into())]
    );
    let text = "The spokeswoman, Kiri Tane, stood beside Mr. Ngata. “No comment,” she said.";
    assert_eq!(
        speakers(text, &[("Kiri Tane", P), ("Ngata", P)]),
        vec![Some("Kiri Tane".into())]
    );
}

#[test]
fn pronoun_takes_the_nearest_person_when_genders_are_unknown() {
    // Neither name tells a gender: the nearest person, as before.
    let text = "Kiri Tane met Ngata. “No comment,” she said.";
    assert_eq!(
        speakers(text, &[("Kiri Tane", P), ("Ngata", P)]),
        vec![Some("Ngata".into())]
    );
}

#[test]
fn a_quote_that_ends_its_sentence_keeps_its_own_speaker() {
    let t = "Elizabeth Warren said: \"The proposal is deeply flawed and unworkable.\" Ted Cruz said he disagreed.";
    let q = attribute(t, &[("Elizabeth Warren", P), ("Ted Cruz", P)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Elizabeth Warren"));
    // A question or an exclamation still takes the cue after it.
    let t = "\"Why now?\" Ted Cruz asked.";
    let q = attribute(t, &[("Ted Cruz", P)]);
    assert_eq!(q[0].1.as_deref(), Some("Ted Cruz"));
}

#[test]
fn a_nationality_before_a_role_is_not_the_speaker() {
    let t = "Russian President Vladimir Putin met Xi. \"Our relations are at their best,\" the Russian president said.";
    let q = attribute(
        t,
        &[
            ("Russian", Label::Norp),
            ("Vladimir Putin", P),
            ("Xi", P),
            ("Russian", Label::Norp),
        ],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn a_person_in_a_relative_clause_is_not_the_speaker() {
    let t = "Keir Starmer, who replaced Rishi Sunak in July, said: \"We will rebuild Britain.\"";
    let q = attribute(
        t,
        &[
            ("Keir Starmer", P),
            ("Rishi Sunak", P),
            ("Britain", Label::Gpe),
        ],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Keir Starmer"));
}

#[test]
fn the_company_said_is_the_company_last_named() {
    let t = "Nvidia reported record sales, the chipmaker told Reuters. \"Demand remains strong,\" the company said.";
    let q = attribute(t, &[("Nvidia", Label::Org), ("Reuters", Label::Org)]);
    assert_eq!(q.len(), 1);
    // The agency it spoke to is skipped.
    assert_eq!(q[0].1.as_deref(), Some("Nvidia"));
    let t = "Speaking to Reuters, Nvidia reported record sales. \"Demand remains strong,\" the company said.";
    let q = attribute(t, &[("Reuters", Label::Org), ("Nvidia", Label::Org)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Nvidia"));
}
