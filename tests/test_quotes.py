"""Quote shapes and speakers, on sentences written for these tests."""

from __future__ import annotations


def quotes(nlp, text):
    doc = nlp(text)
    return doc, doc._.quotes


def test_direct_quote_speaker_after_and_outlet_is_audience(nlp):
    doc, qs = quotes(nlp, "Kenya's Interior Minister Kithure Kindiki visited Lamu. "
                          "“We will not allow criminals to terrorise our people,” Kindiki told Citizen TV.")
    q = next(q for q in qs if q.kind == "direct")
    assert q.text.startswith("We will not allow criminals")
    assert q.speaker == "Kithure Kindiki"
    assert q.cue == "told"


def test_split_quote_is_two_segments_one_speaker(nlp):
    doc, qs = quotes(nlp, 'Police chief Japheth Koome spoke in Nairobi. "The operation is over," he said, '
                          '"and the suspects are in custody."')
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 2
    assert {q.speaker for q in direct} == {"Japheth Koome"}
    # "he" is added to the person's mentions
    koome = next(a for a in doc._.actors if a.name == "Japheth Koome")
    assert any(doc.text[s:e] == "he" for s, e in koome.mentions)


def test_partial_quote_inside_paraphrase(nlp):
    doc, qs = quotes(nlp, "Foreign Minister Ahmed Ali said the country had “completely lost hope” in the talks.")
    q = next(q for q in qs if q.text == "completely lost hope")
    assert q.kind == "partial"
    assert q.speaker == "Ahmed Ali"


def test_multi_paragraph_quote(nlp):
    text = ('Opposition leader Raila Odinga addressed supporters. "We will march on Thursday whatever happens.\n'
            '"We are not afraid of them, and we will not be silenced," Odinga said.')
    doc, qs = quotes(nlp, text)
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 2
    assert all(q.speaker == "Raila Odinga" for q in direct)


def test_quote_continues_previous_speaker_in_paragraph(nlp):
    text = ('Minister Amina Mohamed spoke on Monday. “Hope should remain,” she said. '
            '“But today we are writing them off.”')
    doc, qs = quotes(nlp, text)
    last = [q for q in qs if q.kind == "direct"][-1]
    assert last.text.startswith("But today")
    assert last.speaker == "Amina Mohamed"


def test_scare_quotes_are_not_quotations(nlp):
    doc, qs = quotes(nlp, 'The so-called "reform agenda" was debated by the parliament on Tuesday.')
    assert not [q for q in qs if q.kind != "indirect"]


def test_indirect_speech(nlp):
    doc, qs = quotes(nlp, "The spokesman Ali Hassan said the strikes were not directed at civilians.")
    q = next(q for q in qs if q.kind == "indirect")
    assert q.text == "the strikes were not directed at civilians"
    assert q.speaker == "Ali Hassan"


def test_organisation_speaker_and_according_to(nlp):
    doc, qs = quotes(nlp, 'According to Amnesty International, "at least 30 people were detained without charge."')
    q = qs[0]
    assert q.speaker == "Amnesty International"
    assert q.speaker_actor is not None


def test_nyt_double_single_marks_and_inverted_cue(nlp):
    doc, qs = quotes(nlp, "''On a blackboard, the tax is a great idea,'' said Douglas Holtz-Eakin, a former adviser.")
    q = qs[0]
    assert q.text.startswith("On a blackboard")
    assert q.speaker == "Douglas Holtz-Eakin"


def test_colon_introduction_names_the_speaker(nlp):
    doc, qs = quotes(nlp, "Analysis of the primaries - Philip Bump: “Two weeks ago, the South was his strongest "
                          "territory, and now it is the Northeast.”")
    assert qs[0].speaker == "Philip Bump"


def test_role_noun_with_modifier_does_not_match_a_bare_role(nlp):
    text = ("President Barack Obama spoke first. Vice President Joe Biden followed him. "
            "“We will not back down,” the vice president said.")
    doc, qs = quotes(nlp, text)
    q = qs[-1]
    assert q.speaker == "vice president"  # named as the text names them ...
    assert next(a for a in doc._.actors if a.id == q.speaker_actor).name == "Joe Biden"  # ... linked to who


def test_body_is_named_as_written_and_linked(nlp):
    doc, qs = quotes(nlp, 'The FBI confirmed that it was "working on matters related to the server."')
    q = next(q for q in qs if q.kind != "indirect")
    assert q.speaker == "FBI"
    actor = next(a for a in doc._.actors if a.id == q.speaker_actor)
    assert actor.name == "Federal Bureau of Investigation"


def test_someone_of_a_person_is_not_that_person(nlp):
    text = 'President Barack Obama spoke. "He will win easily," Obama\'s former campaign strategist said.'
    doc, qs = quotes(nlp, text)
    q = next(q for q in qs if q.kind == "direct")
    assert "strategist" in q.speaker
    assert q.speaker_actor is None


def test_indirect_speech_before_its_cue_and_according_to(nlp):
    doc, qs = quotes(nlp, "The border crossing will reopen on Monday, the interior ministry said. According to "
                          "Amnesty International, dozens of protesters were held without charge.")
    ind = {q.text: q for q in qs if q.kind == "indirect"}
    assert ind["The border crossing will reopen on Monday"].cue == "said"
    according = next(q for q in ind.values() if q.cue == "according to")
    assert according.text.startswith("dozens of protesters were held")
    assert according.speaker == "Amnesty International"


def test_one_word_partial_quote_in_the_cues_clause(nlp):
    doc, qs = quotes(nlp, 'Senator Amina Yusuf called the plan "reckless" and demanded a vote on Friday.')
    q = next(q for q in qs if q.text == "reckless")
    assert q.kind == "partial" and q.speaker == "Amina Yusuf"
    doc, qs = quotes(nlp, 'The "Crossroads of America" tour ended on Friday in Terre Haute.')
    assert not [q for q in qs if q.kind != "indirect"]


def test_opening_mark_typed_as_closing_mark():
    from dyad.components.quotes import find_stretches

    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    found = [text[s.start:s.end] for s in find_stretches(text)]
    assert found == ["Apparently not,", "A leopard doesn’t change its spots."]


def test_name_next_to_cue_when_parse_is_scrambled(nlp):
    # appositives and NYT marks: the parser leaves the cue without a subject of its own
    doc, qs = quotes(nlp, "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, "
                          "told AFP in an interview in Lima on Monday.")
    assert qs[0].speaker == "Ramos"
    doc, qs = quotes(nlp, "''She needs one or two big ideas,'' said Arnold Blake, who served as labor secretary "
                          "during the first term yet endorsed his rival in the primary.")
    assert qs[0].speaker == "Arnold Blake"
    doc, qs = quotes(nlp, "But in a conference call with reporters on Dec. 2, Col. Peter K. Marsh, a military "
                          "spokesman in Erbil, said, ''I mean, a raid is a combat operation. There is no way around "
                          "that.''")
    assert qs[0].speaker == "Peter K. Marsh"


def test_cue_introducing_the_next_quote_is_not_the_previous_ones(nlp):
    doc, qs = quotes(nlp, "''We are refugees,'' Ms. Amira Nasser said. ''We are not terrorists.'' Mr. Karimi said: "
                          "''The attack that happened today is the work of terrorists. We ourselves are running "
                          "from these attacks.''")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Amira Nasser", "Amira Nasser", "Karimi"]


def test_speech_noun_in_the_next_sentence_names_no_speaker(nlp):
    doc, qs = quotes(nlp, "''There is not much research into backing out coal,'' Mr. Thurber said. ''They are just "
                          "throwing renewables at a coal base.'' While environmentalists welcomed India's "
                          "announcement last year that it would increase investment in solar energy, they were "
                          "less pleased.")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Thurber", "Thurber"]


def test_surname_the_model_took_for_a_noun_is_the_named_person(nlp):
    text = ("Radio host Mark Levin interviewed the governor in Dallas.\n\nThe audience cheered.\n\n"
            "Levin interjected: “So you are saying the tax will stay?”")
    doc, qs = quotes(nlp, text)
    assert qs[0].speaker == "Mark Levin"


def test_quote_sentence_after_a_sentence_cueing_a_named_speaker(nlp):
    doc, qs = quotes(nlp, "Later that evening, Rep. Linda Marsh, a Democrat from Ohio, posted a reply. \"Ohio: "
                          "Remember in November the senators who blocked the bill for three weeks.\"")
    assert qs[0].speaker == "Linda Marsh"


def test_quote_paragraphs_after_a_paragraph_naming_who_spoke(nlp):
    text = ("What the plan means is anyone's guess, since Governor Ellen Baird spoke only in vague phrases "
            "during the interview.\n\n“We have to act and it is the only way to fix it.”\n\n"
            "“We have to be much tougher. We are playing by different rules.”")
    doc, qs = quotes(nlp, text)
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Ellen Baird", "Ellen Baird"]


def test_headline_name_before_a_colon_speaks(nlp):
    doc, qs = quotes(nlp, "Farm lobbyist Ada Quill: Tariffs 'hurt every grower in the state.'")
    assert qs[0].speaker == "Ada Quill"
    doc, qs = quotes(nlp, 'Lopez: "Our aim is to win the district and hold it." Grant: "The aim is to hold the '
                          'district -- not to win it back."')
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Lopez", "Grant"]
    doc, qs = quotes(nlp, 'NAIROBI: The council will "consider all options," officials said.')
    assert qs[0].speaker == "officials"  # a dateline is no speaker


def test_inverted_cue_only_right_after_the_closing_mark(nlp):
    # 'called' follows a quote, but not right after its closing mark: its object is not the speaker
    doc, qs = quotes(nlp, 'Senator Marla Keane in recent days has suggested the governor is unwell, talked of a '
                          '"stolen vote" and called the governor a "fraud."')
    assert [q.speaker for q in qs if q.kind != "indirect"] == ["Marla Keane", "Marla Keane"]
    doc, qs = quotes(nlp, '"We will appeal the ruling," said a lawyer for the family.')
    assert qs[0].speaker == "a lawyer for the family"


def test_unnamed_speaker_keeps_its_whole_description(nlp):
    doc, qs = quotes(nlp, '"We will appeal," wrote a woman calling herself Jane Roe.')
    assert qs[0].speaker == "a woman calling herself Jane Roe"
    doc, qs = quotes(nlp, 'A memo drafted for the board in May concluded that the fund was a "foreign principal" '
                          'under the law.')
    q = next(q for q in qs if q.kind != "indirect")
    assert q.speaker == "A memo drafted for the board in May"
    doc, qs = quotes(nlp, "“This is eerily similar to the first debate in 2004,” said one longtime adviser to Al "
                          "Gore. “He wanted the knockout punch.”")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["one longtime adviser to Al Gore"] * 2


def test_expressive_cues_and_findings(nlp):
    doc, qs = quotes(nlp, "“Go back to your studio,” Senator Hal Kramer barked and a guard escorted the anchor out.")
    assert qs[0].speaker == "Hal Kramer"
    doc, qs = quotes(nlp, 'A 2019 Senate audit found "no evidence of a cover-up or of any missing funds."')
    assert qs[0].speaker == "A 2019 Senate audit"


def test_retort_and_went_so_far_as_to_say(nlp):
    doc, qs = quotes(nlp, "The Slate technology columnist Dana Ruiz went so far as to say: ''Twitter as we know it "
                          "is over.''")
    assert qs[0].speaker == "Dana Ruiz"
    doc, qs = quotes(nlp, '"Jed wants to be a tough guy tonight," Reyes shot back. "Let me talk."')
    assert qs[0].speaker == "Reyes"


def test_name_whose_subtree_holds_cue_then_quote(nlp):
    doc, qs = quotes(nlp, "Walter Greene, the 2008 Green Party nominee, tweeted in response: ''Important distinction: "
                          "the regime jails reporters and rivals; our leaders jail criminals and spies.''")
    assert qs[0].speaker == "Walter Greene"


def test_colon_lead_in_verb_when_the_quote_is_parsed_as_the_sentence(nlp):
    doc, qs = quotes(nlp, 'Senator Reyes has since apologized for what happened: "Yes, I should have used two '
                          'phones. Not doing so was a mistake."')
    assert qs[0].speaker == "Reyes"


def test_surname_read_as_another_word_class(nlp):
    text = ("Columnist Harold Will attacked the plan on Monday.\n\n“This might, and should, end the careers of "
            "every senator who backed it,” Will wrote.")
    doc, qs = quotes(nlp, text)
    assert qs[0].speaker == "Harold Will"


def test_a_cue_after_a_quote_that_reports_its_own_content_does_not_take_the_quote(nlp):
    text = ('Mayor Dana Holt told a local radio station: "We tried for three years to make it work. "We have not '
            'spoken about it since." Reporter Sam Kerr said the timing of the interview was unlikely to help her.')
    doc, qs = quotes(nlp, text)
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Dana Holt", "Dana Holt"]
    doc, qs = quotes(nlp, '"Go back to your studio." Senator Hal Kramer said it twice.')
    assert qs[0].speaker == "Hal Kramer"  # a cue with no content of its own still closes the quote
