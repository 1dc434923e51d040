"""Casualty counts by RECORD.md's rules, on short reports written for these tests."""

from __future__ import annotations

import pytest

from blotter.incidents.casualties import fill_casualties
from blotter.incidents.frame import IncidentFrame
from blotter.models import Article
from blotter.nlp import analyse


def casualties_of(text: str):
    doc = analyse(text)
    return fill_casualties(IncidentFrame(doc=doc, article=Article(id="t", text=text), sentences=list(doc.sents)))


@pytest.mark.parametrize("text, best, low, high", [
    ("Two traders and a police officer were killed when gunmen stormed a market.", 3, 3, 3),
    ("At least 12 people were killed in the blast.", 12, 12, None),
    ("Dozens of people died in the attack.", 24, 24, None),
    ("Scores of villagers were killed.", 40, 40, None),
    ("Between 5 and 7 people were killed.", 5, 5, 7),
    ("Twenty-three people were killed in the bombing.", 23, 23, 23),
    ("A man was killed in the shooting.", 1, 1, 1),
    ("A 23-year-old man was shot dead outside a bar.", 1, 1, 1),
    ("The gunmen opened fire, killing three and wounding five.", 3, 3, 3),
    ("The death toll rose to 12 on Monday. Earlier officials said eight people had been killed.", 12, 12, 12),
    ("Five people, including the attacker, died.", 4, 4, 4),
    ("Police said a woman was fatally shot on Elm Street.", 1, 1, 1),
    ("Deputies shot and killed a woman who was waving a machete.", 1, 1, 1),
    ("Jane Doe, 41, was killed in the crossfire.", 1, 1, 1),
])
def test_killed_counts(text: str, best: int, low: int, high: int | None) -> None:
    killed = casualties_of(text).killed
    assert (killed.best, killed.low, killed.high) == (best, low, high)
    assert killed.evidence and killed.evidence[0].quote in text


@pytest.mark.parametrize("text, best", [
    ("Two traders were killed and five people wounded.", 5),
    ("Three people were hurt in the explosion.", 3),
    ("Two men were hospitalised after the stabbing.", 2),
    ("One victim was in critical condition.", 1),
    ("Two men were shot on Tuesday night. One of them died in hospital.", 1),
    ("No one was hurt in the blast.", 0),
])
def test_injured_counts(text: str, best: int) -> None:
    assert casualties_of(text).injured.best == best


def test_evidence_is_the_exact_words() -> None:
    result = casualties_of("Two traders were killed and five people wounded when gunmen stormed a market.")
    assert result.injured.evidence[0].quote == "five people wounded"


@pytest.mark.parametrize("text", [
    "Police arrested three suspects on Sunday.",
    "The 28-year-old was charged with robbery.",
    "Police were called to the 3100 block of Main Street at 10 p.m.",
    "The city recorded 300 homicides last year.",
])
def test_no_figure_means_null(text: str) -> None:
    result = casualties_of(text)
    assert result.killed.best is None and result.injured.best is None
    assert result.killed.evidence == []


def test_perpetrators_are_counted_apart() -> None:
    result = casualties_of("The attacker was shot dead by police after he stabbed two people.")
    assert result.perpetrators_killed.best == 1
    assert result.killed.best is None


def test_suicide_bomber_is_a_perpetrator() -> None:
    result = casualties_of("A suicide bomber blew himself up at a mosque, killing 14 worshippers.")
    assert result.killed.best == 14
    assert result.perpetrators_killed.best == 1


def test_nobody_killed_is_zero() -> None:
    result = casualties_of("The bomb damaged a bridge but no one was killed.")
    assert (result.killed.best, result.killed.low, result.killed.high) == (0, 0, 0)


@pytest.mark.parametrize("text, killed", [
    ("Maria Lopez, a 34-year-old nurse, died Friday after being shot in Elm Park.", 1),
    ("Officers found a woman suffering from gunshot wounds. She died at the scene.", 1),
    ("A 23-year-old woman died Friday after a shooting on Pine Road.", 1),
    ("Officers shot the man, who later died at a hospital.", 1),
    ("Tom Reed, 23, and Ann Reed, 19, were shot to death in their home.", 2),
    ("The fight left 25-year-old Carl Stone dead in the lobby.", 1),
    ("She is charged in the shooting death of 44-year-old Dana Wells.", 1),
    ("Daily Newsroom.comA woman was shot and killed late Friday behind a bakery.", 1),
])
def test_killed_phrasings_of_local_news(text: str, killed: int) -> None:
    assert casualties_of(text).killed.best == killed


@pytest.mark.parametrize("text", [
    "Two Dead In Overnight Shooting\nPolice are looking for witnesses.",
    "A tale about an officer, a rope, a lost cat and a goat.",
    "He was shot and killed Tuesday, Jan. 27, outside his home.",
])
def test_not_counted_as_more_victims(text: str) -> None:
    assert (casualties_of(text).killed.best or 0) <= (1 if text.startswith("He was") else 0)


def test_pronoun_after_an_attacker_is_the_attacker() -> None:
    result = casualties_of("Officers shot the suspect in the chest. He was pronounced dead at the scene.")
    assert result.killed.best is None
    assert result.perpetrators_killed.best == 1


def test_gunshot_wound_is_an_injury_unless_they_died() -> None:
    assert casualties_of("Deputies say a man was found with a gunshot wound in his hip.").injured.best == 1
    assert casualties_of("A woman was found with a gunshot wound. She died at the scene.").injured.best in (None, 0)


@pytest.mark.parametrize("text, killed", [
    ("A 14-year-old girl was shot and killed by accident by her brother on Friday.", 1),
    ("The 15-year-old died at the scene despite attempts to revive him.", 1),
    ("The teacher turned 40 shortly before he was killed.", 1),
    ("Detectives are looking for whoever gunned down a college student on Monday.", 1),
    ("A homicide investigation began after a man's body was found in a backyard.", 1),
    ("The bodies of two women were discovered in a burned car.", 2),
])
def test_killed_phrasings_round_two(text: str, killed: int) -> None:
    assert casualties_of(text).killed.best == killed


def headline_casualties(text: str, title: str | None = None):
    doc = analyse(text)
    frame = IncidentFrame(doc=doc, article=Article(id="t", text=text, title=title), sentences=list(doc.sents),
                          is_primary=True)
    return fill_casualties(frame)


def test_headline_glued_to_the_body_gives_the_count_the_body_lacks() -> None:
    text = "Man shot, killed on city's east side | Channel 9. Police found the victim near a vacant house."
    killed = headline_casualties(text).killed
    assert killed.best == 1 and killed.evidence[0].quote == "Man shot, killed"


def test_title_count_is_evidenced_in_the_title() -> None:
    casualties = headline_casualties("Police said the gunfire followed a party.", title="2 Teens Wounded In Drive-By")
    assert casualties.injured.best == 2
    assert casualties.injured.evidence[0].field == "title" and casualties.injured.evidence[0].quote == "2 Teens Wounded"


def test_body_figure_wins_over_the_headline() -> None:
    casualties = headline_casualties("Two men were shot dead in a park on Friday.", title="Man killed in park shooting")
    assert casualties.killed.best == 2


@pytest.mark.parametrize("text, killed, injured", [
    ("Detectives are looking into the fatal shooting of one woman and the wounding of three others.", 1, 3),
    ("Neighbors discovered the body of a 72-year-old woman in the garage.", 1, None),
    ("One man is dead after a triple shooting on the east side.", 1, 2),
    ("Detectives are investigating a double homicide on Elm Street.", 2, None),
    ("Police are investigating the shooting of a teenager on Monday.", None, 1),
])
def test_event_nouns_count_people(text: str, killed: int | None, injured: int | None) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_shot_and_later_pronounced_dead_is_killed_not_injured() -> None:
    casualties = casualties_of("Officers found Leo Hart outside. Hart had been shot several times and was pronounced "
                               "dead at the scene.")
    assert (casualties.killed.best, casualties.injured.best) == (1, None)


def test_taken_to_hospital_and_died_is_not_also_injured() -> None:
    casualties = casualties_of("A man was shot and killed on Elm Street. The victim was taken to a hospital, "
                               "where he died.")
    assert (casualties.killed.best, casualties.injured.best) == (1, None)


def test_active_headline_gives_killed_and_injured() -> None:
    casualties = headline_casualties("The standoff ended after four hours.",
                                     title="Gunman slays deputy, wounds two other officers after standoff")
    assert (casualties.killed.best, casualties.injured.best) == (1, 2)
    assert casualties.killed.evidence[0].quote == "slays deputy"


def test_headline_count_after_a_colon() -> None:
    casualties = headline_casualties("The family had guests that evening.", title="Police: 6-year-old shot, killed at home")
    assert casualties.killed.best == 1


def test_attacker_killed_in_the_headline_is_no_victim() -> None:
    casualties = headline_casualties("The clerk was not hurt.", title="Store clerk shoots, kills robbery suspect")
    assert casualties.killed.best is None


@pytest.mark.parametrize("text, killed", [
    ("Maria Cole, 29, a nurse, was killed along with Ray Diaz, 20, a student, in the attack.", 2),
    ("A man was shot dead along with his wife outside their home.", 2),
])
def test_killed_along_with_others(text: str, killed: int) -> None:
    assert casualties_of(text).killed.best == killed


def test_a_boy_who_shot_himself_by_accident_is_hurt_not_a_dead_attacker():
    result = casualties_of("A 6-year-old boy was wounded when he accidentally shot himself with his father's pistol.")
    assert result.perpetrators_killed.best is None
    assert result.injured.best == 1
    murder_suicide = casualties_of("The gunman killed his wife and then shot himself in an apparent suicide.")
    assert murder_suicide.perpetrators_killed.best == 1


@pytest.mark.parametrize("text, killed, injured", [
    ("A 16-year-old girl was killed and three other women were injured when gunfire erupted.", 1, 3),
    ("Officers say a 3-year-old is dead and a 10-month-old is injured after the gunfire.", 1, 1),
    ("A man was killed and two women were shot outside the club.", 1, 2),
    ("Two men were shot Tuesday night and one died at the hospital.", 1, 1),
    ("Witnesses said the gunman shot three people at a bus stop, killing one.", 1, 2),
    ("Four men attending a party at a home were injured when someone fired from a car.", None, None),
])
def test_counts_of_other_people_and_of_bare_shootings(text, killed, injured):
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_a_suicide_alone_is_a_victim_a_gunman_who_killed_others_first_is_not():
    alone = casualties_of("An eighth-grade student shot himself dead in what appeared to be a hunting accident.")
    assert (alone.killed.best, alone.perpetrators_killed.best) == (1, None)
    gunman = casualties_of("The gunman killed his wife and then shot himself dead.")
    assert (gunman.killed.best, gunman.perpetrators_killed.best) == (1, 1)


@pytest.mark.parametrize("text, injured", [
    ("A Jefferson County deputy who was shot and injured on Tuesday remained in the hospital.", 1),
    ('Officials say an officer and a "bystander" were hurt in the gunfire.', 2),
    ("Shooting on the west side | news.comTwo people were injured during an argument.", 2),
    ("The 31-year old victim is recovering after he was shot twice in the hip.", 1),
    ("A man accidentally shot his nephew in the thigh.", 1),
])
def test_injured_people_named_in_more_ways(text, injured):
    assert casualties_of(text).injured.best == injured


@pytest.mark.parametrize("text, killed", [
    ("A man was fatally shot about 5 p.m. Sunday at a home.", 1),
    ("Tracey Doe was fatally shot 11 times in the arm and abdomen.", 1),
    ("A second man was charged in the Dec. 18 shooting that killed a teenager.", 1),
    ("The teen was charged in the murder of Anthony Harmon, Jr. last week.", 1),
    ("He called police after the death of Jihad, a 17-year-old student.", 1),
    ("Five people were killed and 12 others were hurt in shootings Friday around the city.", None),
])
def test_figures_that_are_times_dates_descriptions_or_roundups(text, killed):
    assert casualties_of(text).killed.best == killed


def test_a_toll_over_several_incidents_is_no_count_for_one():
    """"in incidents across the boroughs": the figure sums several shootings, not the report's own."""
    assert casualties_of("At least 19 people were shot in incidents spanning the five boroughs.").injured.best is None
    assert casualties_of("Two people were shot in the incident on Elm Street.").injured.best == 2


def test_the_one_shot_is_the_one_the_headline_says_died():
    from blotter.pipeline import extract_text
    record = extract_text("Teen shot at cookout dies\n\nJo Roe of Dunmore was thought to be shot during a cookout "
                          "at a home on Saturday, police said.")
    casualties = record.incidents[0].casualties
    assert (casualties.killed.best, casualties.injured.best) == (1, None)


def test_a_bullet_that_hit_someone_wounded_them():
    assert casualties_of("Friends said a stray bullet hit Maleah Doe in the head during the drive-by.").injured.best == 1


@pytest.mark.parametrize("text, killed, injured", [
    ("Thirteen people were shot at a backyard party late Saturday. One man is in serious condition.", None, 13),
    ("An overnight shooting left eight people with wounds that needed treatment.", None, 8),
    ("He was shot during a holdup in March. One other person died, two others were hurt.", 1, 2),
    ("Two men, 21 and 58 were shot on Wilson Avenue.", None, 2),
    ("Image 3 of 8 The shot-out door of the bakery is shown.", None, None),
    ("He called police on Dec. 29 saying the child had shot himself.", None, 1),
])
def test_all_the_shot_who_lived_are_hurt_and_numbers_that_are_no_counts(text, killed, injured):
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, injured", [
    ("He did not have a clear shot at the suspect.", None),
    ("Juan Doe shot into the neighbors' house.", None),
    ("Police found a man shot in the leg.", 1),
    ("Ann Doe had multiple gunshot wounds.", 1),
])
def test_a_bare_shot_without_a_verb_needs_a_person(text, injured):
    assert casualties_of(text).injured.best == injured


def test_names_with_a_capital_inside_are_whole():
    result = casualties_of("An officer fatally shot Quintonio LeGrier and Bettie Jones.")
    assert result.killed.best == 2
    assert result.killed.evidence[0].quote.endswith("LeGrier and Bettie Jones")


def test_a_weekend_toll_across_a_city_is_not_one_incident():
    result = casualties_of("Six men were killed and at least 28 others have been hurt in shootings around "
                           "Chicago since Saturday morning.")
    assert (result.killed.best, result.injured.best) == (None, None)


def test_one_who_accidentally_shot_himself_is_hurt_unless_he_died():
    assert casualties_of("A juvenile hiding in the trunk during a traffic stop accidentally shot himself.").injured.best == 1
    died = casualties_of("A boy accidentally shot himself and died at the hospital.")
    assert (died.killed.best, died.injured.best) == (1, None)


def test_a_bare_figure_opening_the_headline_counts_people() -> None:
    casualties = headline_casualties("Just one more thing: confirm your email address.", title="City News: 4 shot in northwest")
    assert casualties.injured.best == 4 and casualties.injured.evidence[0].quote == "4 shot"
    assert headline_casualties("Confirm your email address.", title="2015 shot clock rules explained").injured.best is None


@pytest.mark.parametrize("text, killed, injured", [
    # a name restating the person before it is no second victim
    ("Police said the man killed his older brother, Sam, at their home on Friday.", 1, None),
    ("A gunman opened fire in the courthouse. Two guards, Al Poe, 61, and Ed Roe, 63, were killed.", 2, None),
    # "as well as" lists people like "and"; a figure after "his" still counts them
    ("Police said a man opened fire at his home, killing his four children as well as his wife.", 5, None),
    ("The gunman opened fire on the porch, killing two young men and a woman.", 3, None),
    # "no one died" counts nobody
    ("A toddler shot his father in the leg at their home. Police said it was lucky no one died.", None, 1),
    # a bullet that hit, struck or grazed someone hurt them; "also" marks others than the dead
    ("A man was killed in a drive-by shooting. Two teenagers were also hit by gunfire.", 1, 2),
    ("Police said one woman was grazed by a bullet during the shooting.", None, 1),
    # people described in less common words
    ("The gang members shot three individuals outside the store.", None, 3),
])
def test_lists_names_and_bullets(text, killed, injured):
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("One woman died at a wedding on Saturday. Three other males, between the ages of 17-19, were hurt.", 1, None),
    ("Videos: 0:50 One dead after crash on the highway. A man was shot and wounded on Main Street.", None, 1),
    ("In the past two months, nine youths have been injured in shootings. On Monday a man was shot and killed.", 1, None),
    ("A woman is accused of killing three neighbors after a shooting that took place on Sunday.", 3, None),
])
def test_ages_clock_times_and_background_figures_are_no_counts(text, killed, injured):
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_a_killer_who_then_turned_on_himself_is_a_dead_perpetrator():
    casualties = casualties_of("Police said the father killed his daughter, his son, and then himself.")
    assert (casualties.killed.best, casualties.perpetrators_killed.best) == (2, 1)


@pytest.mark.parametrize("text, killed, injured", [
    ("Two women were shot on Elm Street. Both women were taken to a hospital in Dunmore, where they later died.", 2, None),
    ("A man who was found shot near a trailhead late Friday night has died.", 1, None),
    ("A man who was shot on Monday has been released from the hospital.", None, 1),
    ("According to the County Coroner, the woman who suffered the gunshot wound has died.", 1, None),
])
def test_the_shot_who_died_later_in_the_sentence_are_killed(text, killed, injured):
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("Police say four men were shot and one was killed. The other three men, who are in their 20s, were listed in stable condition.", 1, 3),
    ("A girl was shot dead in a drive-by. Her uncle, 29, was shot in the foot, but survived.", 1, 1),
    ("Two women were found dead. A third woman had a gunshot wound to the hip and was taken to a hospital in Dunmore, "
     "where she was in stable condition.", 2, 1),  # alive where he was taken: not one of the dead
    ("A 13-year-old girl is nursing a gunshot wound after shooting herself by accident in the foot.", None, 1),
    ("A teen shot himself in a car. The teen was taken to Mercy Clinic with serious but not life-threatening injuries.", None, 1),
    ("She is charged in the shooting deaths of her husband, 41, and the four boys.", 5, None),
    ("Police looked into the deaths of the six shooting victims, District Attorney Jo Roe said.", 6, None),
    ("Detectives interviewed several bystanders, as well as the three people hospitalized after the gunfire.", None, 3),
])
def test_survivors_ages_and_speakers_after_the_people(text, killed, injured):
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured, perpetrators_killed", [
    ("Police said he and three others were shot outside a bar on Main Street.", None, 4, None),
    ("A 10-year-old girl found a pistol in a closet and fatally shot herself, officers said.", 1, None, None),
    ("A homeowner shot and killed three would-be burglars on Monday.", None, None, 3),
    ("A gunman shot and killed two men outside a bar.", 2, None, None),
])
def test_who_shot_whom(text, killed, injured, perpetrators_killed):
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best, casualties.perpetrators_killed.best) == \
        (killed, injured, perpetrators_killed)


def test_one_who_killed_himself_after_killing_others_in_another_sentence_is_the_attacker():
    casualties = casualties_of("A man shot and killed three women in the house on Saturday. "
                               "Police said he later killed himself in his car.")
    assert (casualties.killed.best, casualties.perpetrators_killed.best) == (3, 1)
    alone = casualties_of("A teenager killed himself with his father's gun on Monday, police said.")
    assert (alone.killed.best, alone.perpetrators_killed.best) == (1, None)


@pytest.mark.parametrize("text, killed, injured", [
    # "were shot at the mall": where they were shot, not a volley that missed them
    ("Three people were shot at the Elm Street mall late Friday.", None, 3),
    ("Two officers were shot at by the suspect but neither was hit.", None, None),
    # how the hurt reached the hospital, and how badly they were hurt
    ("The passenger was transported to the hospital with a wound to his arm.", None, 1),
    ("The boy was taken to Mercy Medical Center with serious injuries.", None, 1),
    ("One man was killed. The other three men have non-life threatening injuries.", 1, 3),
    # a name in brackets between the person and the fate
    ("The victim (Jo Roe Jr.) later died of his wounds in the hospital.", 1, None),
])
def test_place_and_hospital_phrases(text: str, killed: int | None, injured: int | None) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a reduced relative clause: the one hurt is the one who has died
    ("A teen hospitalized after a weekend shooting on Elm Street has died.", 1, None),
    # how many the shooting sent to hospital
    ("A birthday party ended with four people in the hospital after shots rang out.", None, 4),
    ("The shooting sent three men to the hospital.", None, 3),
    ("He sent two letters to the hospital.", None, None),
    # a gun that went off and hit someone hurt them; a tree is nobody
    ("The pistol went off and hit the 9-year-old in the leg.", None, 1),
    ("The rifle fired and struck a tree.", None, None),
])
def test_relative_fates_hospital_and_accidental_discharges(text: str, killed: int | None, injured: int | None) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, attackers", [
    # a toll that includes the killer, said in one sentence, holds for the same toll restated in another
    ("Four people were killed at the plant. Officials said four people were dead, including the shooter.", 3, 1),
    # the killer's own act counts his victims; "two people have died" counts him too
    ("Officers say Kim killed one person, wounded four others, and then killed herself. Two people have died.", 1, 1),
])
def test_tolls_that_include_the_attacker(text: str, killed: int, attackers: int) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.perpetrators_killed.best) == (killed, attackers)


@pytest.mark.parametrize("text, killed, attackers, injured", [
    # the one who killed "one person" is the attacker, not a victim
    ("A shooter killed one person and injured five others on Friday.", 1, None, 5),
    ("No one saw the gunman who killed one person and injured two others.", 1, None, 2),
    # a weekend's tally "across the city" is not the report's own incident
    ("Over the weekend gunfire wounded 26 people across the city. A man was shot on Elm Street.", None, None, 1),
])
def test_attackers_of_one_and_citywide_tallies(text: str, killed, attackers, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.perpetrators_killed.best, casualties.injured.best) == (killed, attackers, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # "a fourth victim": four harmed in all, the dead among them
    ("Three women were shot to death, and a fourth woman was wounded.", 3, 1),
    ("Three men walked into a gas station with gunshot wounds as a fourth shooting victim was found nearby.", None, 4),
    ("A man was shot and killed on Elm Street. A second man was arrested.", 1, None),
    # "fatally wounding" kills
    ("The gunman opened fire, fatally wounding a corporal and wounding a deputy.", 1, 1),
])
def test_ordinal_victims_and_fatal_wounds(text: str, killed: int | None, injured: int | None) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, injured", [
    # the official a report cites, titles and all, is no victim
    ("According to Springfield Police Lt. Jo Roe, four people were shot inside the lounge.", 4),
    ("According to River Falls Police Chief Al Poe, the boy shot himself in the thigh by accident.", 1),
])
def test_cited_officials_are_not_counted(text: str, injured: int) -> None:
    assert casualties_of(text).injured.best == injured


@pytest.mark.parametrize("title", [
    "Teen faces charges in shooting death of 17-year-old",
    "Arrest made in fatal shooting outside Elm Street diner",
])
def test_headline_death_without_a_figure_is_at_least_one(title: str) -> None:
    killed = headline_casualties("You are the owner of this article.", title=title).killed
    assert (killed.best, killed.low, killed.high) == (1, 1, None)
    assert killed.evidence[0].field == "title"


def test_headline_death_does_not_override_the_body() -> None:
    casualties = headline_casualties("Two men were shot dead in a park on Friday.", title="Arrest in fatal shooting")
    assert casualties.killed.best == 2


@pytest.mark.parametrize("text, killed, injured", [
    ("The attack left one woman dead and another with serious injuries.", 1, 1),
    ("The crash left a woman dead and two children with minor injuries.", 1, 2),
    ("A dispute on Elm Road left a woman with non-life threatening injuries.", None, 1),
    ("The rifle discharged, striking the driver in the back.", None, 1),
    ("The car veered off the road, striking a pedestrian.", None, None),
    ("Shots were fired at the house, hitting a parked car.", None, None),
    ("A 52-year-old man was struck in the hip.", None, 1),
    ("The cashier was transported to County General for treatment.", None, 1),
    ("A man was killed. Both women were rushed to Mercy Medical in critical condition.", 1, 2),
    ("Both the man and the girl have serious, potentially life-threatening injuries.", None, 2),
    ("He fired, striking both his neighbour and her son.", None, 2),
    ("The gunfire left one victim fatally wounded and two others with serious injuries.", 1, 2),
    ("All three victims were struck, none of them seriously.", None, 3),
    ("The cyclist was hit by a truck on Main Street.", None, None),
    ("Ann Doe, 31, Tom's aunt, was shot in the arm but survived.", None, 1),
])
def test_states_after_left_struck_by_a_shot_and_taken_for_treatment(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("The clerk was grazed by a bullet. Two others were wounded.", None, 3),
    ("A woman was shot in the arm. Her husband was also shot.", None, 2),
    ("A man was shot and died at the scene. Another man was wounded.", 1, 1),
    ("A man was killed. Two others were wounded. The two others were taken to a hospital.", 1, 2),
    ("Four people were shot. A man was hurt in the leg and another was grazed.", None, 4),
    ("A teen was wounded. He was also shot in the hand.", None, 1),
])
def test_hurt_told_of_piece_by_piece_add_up(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_a_shot_that_mortally_wounded_kills_and_a_near_miss_harms_nobody() -> None:
    result = casualties_of("The gunfire mortally wounding a firefighter and injuring another firefighter.")
    assert (result.killed.best, result.injured.best) == (1, 1)
    assert casualties_of("The round came within inches of possibly killing the deputy.").killed.best is None


def test_headline_hurt_fills_a_body_that_tells_only_of_the_dead() -> None:
    casualties = headline_casualties("A man was shot and killed outside a bar on Main Street.", title="1 dead, 2 wounded in bar shooting")
    assert (casualties.killed.best, casualties.injured.best) == (1, 2)
    assert casualties.injured.evidence[0].field == "title"
    bare = headline_casualties("A man was shot and killed outside a bar on Main Street.", title="Man shot outside bar")
    assert (bare.killed.best, bare.injured.best) == (1, None)  # the one shot is the one who died


@pytest.mark.parametrize("text, killed, injured", [
    # a time phrase or a street before the people is nobody
    ("Late Friday, three men were killed outside a gas station.", 3, None),
    ("On Birch Street, the boy wounded in the arm ran to a neighbour's porch.", None, 1),
    ("A man who fired at deputies outside the mall in Riverton Monday was hurt when he jumped from a wall.", None, None),
    # figures for several shootings are not this one's toll
    ("Six people died and at least 20 more were hurt, most of them young men, in shootings around the county over the holiday.", None, None),
    ("Officers are looking into three unrelated shootings that left five people wounded overnight.", None, None),
    ("The city ended the year with four men wounded in three gun attacks on the last night.", None, None),
    ("A woman was shot in the arm on Oak Road. In other attacks on Saturday, at least six men were shot.", None, 1),
])
def test_other_incidents_and_non_people_are_not_counted(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_a_gunman_who_fatally_shot_himself_counts_once_as_the_attacker() -> None:
    result = casualties_of("Two men were found with gunshot wounds, including a teenager, and the attacker fatally shot himself.")
    assert (result.killed.best, result.perpetrators_killed.best, result.injured.best) == (None, 1, 2)


def test_the_one_grazed_by_robbers_firing_is_their_victim() -> None:
    result = casualties_of("He was leaving work when two robbers jumped from a van and opened fire, grazing him in the hip.")
    assert (result.injured.best, result.perpetrators_injured.best) == (1, None)


@pytest.mark.parametrize("text, injured", [
    ("Deputies said the suspect shot a man and his 7-year-old niece outside the bakery.", 2),
    ("Witnesses said he shot two men in the arm and a woman in the back.", 3),
])
def test_people_a_shooter_shot_add_up(text: str, injured: int) -> None:
    assert casualties_of(text).injured.best == injured


@pytest.mark.parametrize("text, killed, injured", [
    ("Nine people were shot, two fatally, outside a club.", 2, 7),
    ("Six men were shot, one of them fatally.", 1, 5),
    ("The gunman opened fire, wounding five people, one fatally.", 1, 4),
    ("The gunman opened fire, wounding three people, one critically.", None, 3),
])
def test_the_dead_among_those_hit_are_not_hurt_too(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_an_ex_partner_is_a_person() -> None:
    assert casualties_of("Police said he killed his ex-wife at her apartment.").killed.best == 1


def test_a_headline_fatal_shooting_named_by_place_is_a_death() -> None:
    casualties = headline_casualties("Detectives arrested a neighbour in the shooting of a 30-year-old man.",
                                     title="Arrest made in fatal Maple Grove shooting")
    assert (casualties.killed.best, casualties.injured.best) == (1, None)


@pytest.mark.parametrize("text, killed, injured", [
    ("Her uncle, Jo Roe, was also shot and remains on life support.", None, 1),
    ("The victim, a 41-year-old father of two, had a gunshot wound to the leg.", None, 1),
    ("Gunfire erupted and a woman was hit. She was taken to a hospital in Dunmore, where she was declared deceased.", 1, None),
])
def test_a_named_appositive_and_a_death_declared(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


@pytest.mark.parametrize("title, injured", [
    ("Uncle shoots nephew in the arm during argument", 1),
    ("Rifle goes off in truck, hits his two daughters", 2),
])
def test_a_headline_that_says_who_was_shot_gives_the_hurt(title: str, injured: int) -> None:
    casualties = headline_casualties("Subscribe to keep reading this story.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (None, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the dead told of later as one of the hurt: "the victim", "one of them", "he"
    ("Two people were wounded in a shooting at a motel. Both were taken to a hospital. The 19-year-old victim died there.",
     1, 1),
    ("Two men were wounded in a shooting on Elm Street. One of them died on Friday.", 1, 1),
    ("A man is in critical condition after a shooting on Elm Street. He died later at the hospital.", 1, None),
    # the death told first, or the hurt told of as others: the dead are not among them
    ("A woman was killed and two others were hurt in the gunfire. The victim died at the scene.", 1, 2),
    ("Two people were wounded in the shooting. Jo Roe, 19, died at the hospital.", 1, 2),
])
def test_the_hurt_who_later_died_are_counted_once(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a bullet that hit a thing hurt nobody; one that hit a person did
    ("No one was hurt, but one bullet hit a squad car and another hit a nearby apartment.", None, 0),
    ("A stray bullet hit a 9-year-old girl sitting on her porch.", None, 1),
    # a figure after a verb of firing counts shots, not people
    ("The gunman fired at the deputy, and the deputy returned one shot, but the gunman was not struck.", None, None),
    # taken to a hospital only to be looked at: not hurt
    ("Jo Roe, 30, was transported to the hospital for a psychiatric evaluation and later booked into jail.", None, None),
    ("Jo Roe was then taken to the hospital for treatment of her gunshot wound.", None, 1),
    # looked at for a harm the sentence names: hurt
    ("Jo Roe was taken to a hospital for evaluation of his injuries.", None, 1),
    ("Jo Roe was taken to the hospital for evaluation of a gunshot wound to the leg.", None, 1),
    ("Jo Roe was taken to the hospital for observation after being shot in the leg.", None, 1),
])
def test_what_was_hit_and_who_was_only_checked(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_an_attacker_listed_with_victims_is_counted_apart() -> None:
    shot = casualties_of("A deputy and a suspect were both shot on the highway.")
    assert (shot.injured.best, shot.perpetrators_injured.best) == (1, 1)
    killed = casualties_of("Two officers and the gunman were killed in the exchange of fire.")
    assert (killed.killed.best, killed.perpetrators_killed.best) == (2, 1)
    along = casualties_of("A deputy and a suspect were wounded along with a bystander.")
    assert (along.injured.best, along.perpetrators_injured.best) == (2, 1)


@pytest.mark.parametrize("text, killed, injured", [
    # a larger figure of the hurt shows the smaller one leaves the dead out
    ("Nine people were wounded in the shooting at the college. Ten victims were taken to hospital with gunshot wounds. "
     "One of those patients later died in surgery.", 1, 9),
    # "one of" a group: not the one person hurt
    ("Deputies found Jo Roe hurt inside the house. One of the sons was found dead in the kitchen.", 1, 1),
])
def test_the_dead_are_not_taken_from_hurt_they_were_never_among(text: str, killed, injured) -> None:
    result = casualties_of(text)
    assert (result.killed.best, result.injured.best) == (killed, injured)


def test_he_who_died_is_not_taken_from_the_hurt_when_he_may_be_the_gunman() -> None:
    result = casualties_of("The gunman opened fire on the street, injuring nine people. Police said he was shot and killed.")
    assert result.injured.best == 9
    one_of_them = casualties_of("Officers said two small children were badly wounded by gunfire. She later died at the hospital.")
    assert (one_of_them.killed.best, one_of_them.injured.best) == (1, 1)


def test_a_toll_in_a_comparison_with_other_attacks_is_not_this_incidents() -> None:
    text = ("A gunman shot two officers in Tacoma on Friday, killing one of them. Unlike the sniper attacks that "
            "killed five officers in Dallas, there was no sign that the officers were targeted.")
    casualties = casualties_of(text)
    assert casualties.killed.best == 1


@pytest.mark.parametrize("text, harm, most", [
    ("Deputies found a man and a woman, both 22, and a third man dead inside the house.", "killed", 3),  # ages after "both"
    ("Five people, ranging in age from 15 to 24, were shot outside the club.", "injured", 5),  # an age range
    ("Photo 3 of 12 5-year-old boy and his father were wounded on Friday.", "injured", 2),  # a picture counter
])
def test_ages_and_counters_are_no_count_of_people(text: str, harm: str, most: int) -> None:
    assert (getattr(casualties_of(text), harm).best or 0) <= most


@pytest.mark.parametrize("text, killed", [
    ("Police said Jo Roe killed his wife, his daughter, himself.", 2),
    ("Police said Jo Roe killed his wife and two daughters and himself at the house.", 3),
])
def test_the_killer_closing_the_list_of_those_he_killed_died_too(text: str, killed: int) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.perpetrators_killed.best) == (killed, 1)


def test_one_who_killed_people_named_by_their_age_is_not_counted_dead() -> None:
    assert casualties_of("A man who killed 4-year-old twins was arrested.").killed.best is None


@pytest.mark.parametrize("title, killed, injured", [
    ("Teen accidentally shot in Millbrook, police say", None, 1),  # an adverb before the harm
    ("3-year-old Millbrook girl shot in leg", None, 1),  # an age before the person
    ("Infant is injured in shooting near park", None, 1),
    ("Juvenile shot by cousin", None, 1),
    ("Millbrook 2-year-old in critical condition after shooting", None, 1),
    ("Teen shoots himself in the hand", None, 1),
    ("Man shoots self after killing wife", 1, None),  # the killer is no victim hurt; his wife died
    ("1 Dead, 4 Hurt After Shooting At Party", 1, 4),  # two bare figures
    ("2 Girls, 3 Men Shot At Block Party", None, 5),  # listed people add up
    ("Boy, 7, shot in Elmtown today", None, 1),  # an age between commas is no list
    ("12-Year-Old Girl Dies After Being Shot", 1, None),
])
def test_headline_grammar(title: str, killed, injured) -> None:
    casualties = headline_casualties("Police ask anyone who knows more to call them.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("One of four men wounded in a shooting at a bar on Elm Street has died.", 1, 3),
    ("Five people were hospitalized after the shooting. One of the five people hospitalized has died, police said.", 1, 4),
    ("One of the five people taken to hospital after a shooting on Saturday has died. Five people were hospitalized.", 1, 4),
])
def test_one_of_the_hurt_who_died(text: str, killed: int, injured: int) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_a_child_who_accidentally_killed_himself_is_the_victim_not_an_attacker() -> None:
    casualties = casualties_of("A 4-year-old girl accidentally shoots, kills herself. "
                               "The girl was taken to a hospital in Dunmore, where she was pronounced dead.")
    assert (casualties.killed.best, casualties.perpetrators_killed.best) == (1, None)


@pytest.mark.parametrize("text, injured", [
    ("Five people, three men and two women, were wounded on Elm Street.", 5),  # the five told apart
    ("Police said four people, two women and two men, were taken to the hospital with gunshot wounds.", 4),
    ("Two men, a woman and a boy were shot on Friday.", 4),  # a list, not a breakdown
])
def test_people_told_apart_after_their_number_are_not_added_again(text: str, injured: int) -> None:
    assert casualties_of(text).injured.best == injured


@pytest.mark.parametrize("text, harm, count", [
    ("One man was shot in the back. Also wounded were three customers, police said.", "injured", 4),
    ("Injured in the gunfire was a 6-year-old boy and a 30-year-old woman, police said.", "injured", 2),
    ("Killed in the shooting were Jo Roe, 31, and Al Poe, 40.", "killed", 2),
])
def test_sentence_opening_on_the_harm(text: str, harm: str, count: int) -> None:
    assert getattr(casualties_of(text), harm).best == count


@pytest.mark.parametrize("text, injured", [
    ("Officers rushed the boy to a hospital in Dunmore, where he was pronounced dead. His sister had found the boy wounded.", None),
    ("A man was killed and the woman was wounded.", 1),  # another noun: another person
    ("A man was killed and the other man was wounded.", 1),
])
def test_the_one_dead_told_of_again_as_hurt(text: str, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (1, injured)


def test_a_title_case_verb_is_no_name_in_a_list_of_people() -> None:
    casualties = headline_casualties("Police ask anyone who knows more to call them.",
                                     title="Elmtown Shooting Kills Three, Injures One: Police")
    assert (casualties.killed.best, casualties.injured.best) == (3, 1)


@pytest.mark.parametrize("text, injured", [
    ("Two men in the car were hit by gunfire.", 2),
    ("A girl was killed. A 15-year-old boy and a 60-year-old man in the van with her were also hit by gunfire.", 2),
    ("Three women inside the house were wounded.", 3),
])
def test_where_the_people_were_between_them_and_their_harm(text: str, injured: int) -> None:
    """"Two men in the car were hit": a place phrase after the people does not hide them."""
    assert casualties_of(text).injured.best == injured


@pytest.mark.parametrize("text, killed, injured", [
    ("Jo Roe was shot in the arm and Al Poe was hit in the leg.", None, 2),
    ("Jo Roe was shot in the chest, while the 20-year-old was shot in the arm.", None, 2),
    ("Jo Roe was shot in the head and Al Poe was hit in the leg. Roe died at the hospital.", 1, 1),
    ("Jo Roe was shot in the hip and he was taken to a hospital in Dunmore.", None, 1),  # the same man
    ("A man was shot and the man was taken to a hospital.", None, 1),
    ("Three wounded men were hospitalized and one was in critical condition.", None, 3),  # one of them
])
def test_people_hurt_one_by_one_in_joined_clauses_add_up(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_all_of_them_shot_counts_the_killer_who_shot_himself_among_them() -> None:
    """"All three suffered gunshot wounds" after a murder-suicide: the two dead and the killer, nobody hurt."""
    casualties = casualties_of("Jo Roe killed his wife and his son before killing himself. All three suffered gunshot wounds.")
    assert (casualties.killed.best, casualties.perpetrators_killed.best, casualties.injured.best) == (2, 1, None)


def test_a_he_who_died_is_not_the_girl_hurt_nor_a_she_the_boy() -> None:
    girl = casualties_of("A man was shot and killed Sunday in Dayton. He died at the scene. "
                         "The 12-year-old girl was wounded in the arm, police said.")
    assert (girl.killed.best, girl.injured.best) == (1, 1)
    boy = casualties_of("A woman and her son were shot Sunday in Dayton. She died at the scene. "
                        "Police said the boy was wounded and is expected to survive.")
    assert (boy.killed.best, boy.injured.best) == (1, 1)



def test_a_parent_of_two_in_a_headline_is_no_count() -> None:
    casualties = headline_casualties("Police are asking for tips.", title="Father of 2 killed in Dayton shooting")
    assert casualties.killed.best in (None, 1)


@pytest.mark.parametrize("text, killed, injured", [
    ("Police said his wife and son were shot on Tuesday.", None, 2),
    ("Her mother, grandmother and a neighbor were wounded.", None, 3),
    ("A boy was killed and the boy's mother and a family friend were critically wounded.", 1, 2),
    ("Jo Roe's brother was wounded in the arm.", None, 1),
    ("The gunman killed his wife and daughter.", 2, None),
    ("A trooper and suspect were wounded.", None, 1),  # the suspect is counted apart
])
def test_people_sharing_one_determiner_or_possessor(text: str, killed, injured) -> None:
    """"his wife and son": the bare noun after "and" is one more person under the same "his"."""
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    ("Jo Roe and Al Poe and Ann Lee were shot outside a bar.", None, 3),
    ("A man and a woman and a teenager were wounded.", None, 3),
    ("Officers found a man and a woman, both dead of gunshot wounds.", 2, None),  # "both" restates them
    ("Deputies are looking into the shooting of Tom Doe, son of a local pastor.", None, 1),  # "son of": who he is
    ("Ann Doe, 31, Tom's aunt, was shot in the arm.", None, 1),  # one person described
])
def test_groups_joined_by_and_again_and_again(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    ("Jo Roe, a father and husband, was killed in a shooting on Monday.", 1),
    ("The victim, a mother and nurse, was killed in a shooting on Monday.", 1),
    ("Police said his wife and son were killed on Monday.", 2),
])
def test_an_appositive_naming_one_person_twice_is_one(text: str, killed) -> None:
    """"a father and husband" after a name describes the one person, not a second one."""
    assert casualties_of(text).killed.best == killed


@pytest.mark.parametrize("text, killed, injured", [
    ("A man and a woman, both in their 30s, were killed on Monday.", 2, None),
    ("Three men, all in their 20s, were shot on Monday.", None, 3),
])
def test_an_age_range_after_a_list_describes_the_people(text: str, killed, injured) -> None:
    """"both in their 30s" tells the listed people's ages: no more people, and no bar to counting them."""
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("title, killed, injured", [
    # past tenses and "-ing" forms of the verb, and every person it lists
    ("Ex-mechanic killed 8-year-old girl, husband, himself", 2, None),
    ("Woman charged with killing nephew in Dayton", 1, None),
    ("Teen arrested after shooting 16-year-old boy in leg", None, 1),
    # a death named without "of", a fatal wound, a figure of killings, a hyphenated "triple-murder"
    ("Dayton man, 19, charged in shooting death", 1, None),
    ("Elmtown toddler dies of fatal gunshot wound, deputies say", 1, None),
    ("Suspect named in three Elm County killings", 3, None),
    ("Suspect in triple-murder appears in court", 3, None),
    # the one who died after "for ... who"; but "who shot" is the one who fired
    ("Funeral set for Elm boy who died of gunshot wound", 1, None),
    ("Search goes on for 2 men who shot at trooper car", None, None),
])
def test_more_headline_phrasings_give_the_count(title: str, killed: int | None, injured: int | None) -> None:
    casualties = headline_casualties("You are the owner of this article.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    # one dead, then one more told of as "also" killed in a sentence of its own
    ("Deputy Al Poe fatally shot Jo Roe at the door. The deputy also shot and killed a neighbour, 70-year-old Ann Lee.", 2),
    ("Jo Roe was killed on the porch. His brother was also killed.", 2),
    # after a toll the one "also" killed is one of them; "he" is the one already counted
    ("The attack left three people dead. Jo Roe was also killed in the attack, a friend said.", 3),
    ("Jo Roe was killed on the porch. He was also killed in the same way his father was.", 1),
])
def test_one_more_also_killed_adds_to_the_one_dead(text: str, killed: int) -> None:
    assert headline_casualties(text, title="Shooting on Elm Street").killed.best == killed


@pytest.mark.parametrize("text, injured", [
    ("A total of three people received non-life-threatening wounds, police said.", 3),
    ("Two men suffered minor gunshot wounds in the exchange of fire.", 2),
])
def test_survivable_or_grave_wounds_are_injuries(text: str, injured: int) -> None:
    assert headline_casualties(text, title="Shooting on Elm Street").injured.best == injured


@pytest.mark.parametrize("text, injured", [
    # words between commas after a name describe that person: no one more
    ("Jo Roe, a father, and his son were shot outside the store.", 2),
    ("Jo Roe, a nurse, Al Poe, a teacher, and Ann Lee were shot.", 3),
    # without a name or "the" before them they are people of their own
    ("A man, a woman, and a child were shot.", 3),
])
def test_a_description_between_commas_is_the_person_before_it(text: str, injured: int) -> None:
    assert headline_casualties(text, title="Shooting on Elm Street").injured.best == injured


@pytest.mark.parametrize("title, killed, injured", [
    ("Deputies: Farmer shoots 5 men, killing 3", 3, 2),  # the dead are among those shot
    ("Gunman kills 2, wounds 3 at party", 2, 3),  # bare figures after the verbs
    ("Man shoots 2015 graduate", None, None),  # a year is no figure
])
def test_headline_verbs_with_bare_figures(title: str, killed: int | None, injured: int | None) -> None:
    casualties = headline_casualties("The family was at home on Sunday.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a figure before a span of time counts no people; "a second deputy" is one person
    ("Police said the man was killed two days later.", 1, None),
    ("Jo Roe was wounded at noon and a clerk was killed 45 minutes later.", 1, 1),
    ("One deputy has died, a second deputy was injured.", 1, 1),
])
def test_a_span_of_time_is_no_count_of_people(text: str, killed: int | None, injured: int | None) -> None:
    casualties = headline_casualties(text, title="Shooting on Elm Street")
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_a_non_fatal_shooting_in_the_headline_is_no_death() -> None:
    casualties = headline_casualties("The boy was treated at a hospital.", title="Elmtown pair face charges over non-fatal shooting of nephew")
    assert casualties.killed.best is None


@pytest.mark.parametrize("title, killed, injured", [
    # a second verb opens another clause: its people are not more of the first verb's
    ("Sniper slays deputy, wounds clerk near Birch Lake", 1, 1),
    ("Man shoots niece, kills nephew in Birch Lake", 1, 1),
    ("Killing man, wounding woman in Birch Lake", 1, None),
    # the one before "says" tells of it
    ("Woman kills husband, deputy says", 1, None),
    ("Trooper shoots man, sister says", None, 1),
    # listed people stay added up
    ("Man kills wife, son in Birch Lake", 2, None),
])
def test_headline_people_stop_at_a_second_verb_or_a_speaker(title: str, killed, injured) -> None:
    casualties = headline_casualties("The sheriff's office asked anyone with video to call.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("title, killed, injured", [
    ("Man shoots 3, kills 1 at Birch Lake diner", 1, 2),
    ("Man shoots 4, killing 2", 2, 2),
    ("Birch Lake man slew wife and her sister, police say", 2, None),
])
def test_headline_dead_among_the_shot_and_slew(title: str, killed, injured) -> None:
    casualties = headline_casualties("The sheriff's office asked anyone with video to call.", title=title)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("title, killed", [
    ("Birch City tops 250 homicides for first time since 1990s", None),
    ("Birch City passes 90 murders so far this year", None),
    ("Suspect named in three Birch County killings", 3),
])
def test_a_citys_tally_in_the_headline_is_no_count(title: str, killed) -> None:
    assert headline_casualties("The sheriff's office asked anyone with video to call.", title=title).killed.best == killed


@pytest.mark.parametrize("text, killed", [
    # what "also" adds must be a person of this incident, not the killer
    ("A man was killed on Birch Road on Monday. A cat was also killed.", 1),
    ("A man was killed on Birch Road on Monday. A neighbor's goat was also shot and killed.", 1),
    ("A woman was shot and killed in her home on Monday. Her husband was also found dead from what deputies called a self-inflicted injury.", 1),
    # another day's death told as background
    ("A man was killed on Birch Road on Monday. It was the third homicide this week. On Friday a teen was also killed on Ash Street.", 1),
    ("A man was fatally shot on Birch Road on Monday. His cousin was also killed in a shooting in 2017, relatives said.", 1),
    # still two
    ("Al Poe was killed Monday. His brother was also killed.", 2),
    ("Al Poe was killed Monday. His brother was also killed Monday night.", 2),
    ("Al Poe was shot and killed Monday by a tenant. A woman in her 30s was also killed as she tried to help.", 2),
])
def test_also_killed_adds_only_people_of_the_same_incident(text: str, killed: int) -> None:
    assert headline_casualties(text, title="Police probe Birch Road shooting").killed.best == killed


@pytest.mark.parametrize("text, killed, injured", [
    ("Jo Roe, a father of two, and his daughter were killed on Monday.", 2, None),
    ("Jo Roe, a father of two, was killed on Monday.", 1, None),
    # "a neighbor" may be one more when an indefinite person follows
    ("Jo Roe, a neighbor, and a teenager were wounded on Monday.", None, 3),
    ("Jo Roe, a neighbor, and his son were wounded on Monday.", None, 2),
])
def test_a_description_with_of_between_commas_is_the_person_before_it(text: str, killed, injured) -> None:
    casualties = headline_casualties(text, title="Police probe Birch Road shooting")
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a hedged figure after the verb, a toll told as what drove someone "to kill and wound"
    ("A masked man sprayed a food truck line in Dayton with bullets, killing a cook and wounding as many as four others.", 1, 4),
    ("Detectives think jealousy pushed Ed Finch to shoot and kill a roommate and wound five guests in Tempe.", 1, 5),
    ("He threatened to kill his wife.", None, None),
    # ... but not what someone vowed or planned to do
    ("Ed Finch vowed to kill two deputies and wound any others, police said. He was arrested in Tempe.", None, None),
    ("The gunman was planning to kill five students and injure others, a detective said in Tempe.", None, None),
    # a charge names a crime, not more people hurt
    ("Deputy Jo Roe died of her wounds and two other deputies were wounded. Ed Finch faces capital murder, four counts of "
     "malicious wounding of a deputy, and two counts of arson.", 1, 2),
    # ... and the toll the charge is for is counted
    ("Ed Finch faces three counts of murder after killing three people at a bar in Tempe on Sunday.", 3, None),
    ("Jo Roe was charged with counts of assault for injuring two officers in Tempe.", None, 2),
    # a past year that dates one person's death leaves the sentence's figures this incident's
    ("A march in Akron for a teen slain in 2019 ended when two men opened fire, killing one marcher and wounding five others.", 1, 5),
    ("In 2014, two men were killed and three people wounded at the same park.", None, None),
    # "all five victims" and "both in their 20s" count nobody more
    ("Four men are dead and a fifth is hurt after gunfire in a Salem garage. Police think all five victims were injured "
     "by one rifle.", 4, 1),
    ("A man was killed in a shooting in Tempe on Sunday. All three wounded men are expected to survive.", 1, 3),
    ("Gunfire hit four people at a Louisville duplex. Two brothers died. The woman who owns the duplex and another man, "
     "both in their 20s, were also shot.", 2, 2),
    ("Two cousins, both in their 20s, were wounded in Fresno.", None, 2),
    # the hurt "taken to the hospital in stable condition" are alive, not maybe the one who died
    ("Jo Roe shot and killed his former girlfriend and then turned the gun on himself. Her sister and her son were both "
     "taken to the hospital in stable condition.", 1, 2),
    ("A boy was shot and killed by his uncle, Tom Lee, who killed himself after critically shooting his sister.", 1, 1),
    # "another" after the dead is another than the dead, not one more besides the hurt told of before
    ("Ann Poe's husband, Carl, was wounded before Tom Lee killed himself. Three neighbors were killed and another is in "
     "serious condition after the rampage in Neenah.", 3, 1),
])
def test_injured_counted_once_and_only_this_incidents(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # out of the hospital again, or treated: hurt and alive
    ("Jo Roe, 19, was treated and released after the gunfire in Akron.", None, 1),
    ("The deputy was discharged from the hospital on Saturday night.", None, 1),
    ("The clerk is being treated at a local hospital, police in Tempe said.", None, 1),
    ("The woman was treated at the scene after the gunfire in Akron.", None, 1),
    # ... but treated at a hospital, like taken to one, may be the one who died
    ("A man was killed in Akron. The woman was treated at the hospital.", 1, None),
    # a graze is a wound
    ("Ann Lee, 17, suffered a graze wound in the gunfire in Tempe.", None, 1),
    # a dash appositive between the people and their harm
    ("Five diners — two of them cooks — were wounded at a cafe in Tempe.", None, 5),
    # conditions of the living, and a survival foretold
    ("Police said the cashier remained in temporary critical condition in Fresno.", None, 1),
    ("A 19-year-old man is expected to survive, police in Salem said.", None, 1),
    ("The boy is not expected to survive, police in Salem said.", None, None),
    ("The clerk is recovering at a hospital in Salem.", None, 1),
    # a sentence whose only harm word is "shooting" still tells who was shot
    ("A woman accused of shooting her neighbor twice last week is in custody in Akron.", None, 1),
])
def test_how_local_news_tells_of_the_living_hurt(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


def test_one_who_took_himself_to_hospital_in_a_condition_is_no_attacker() -> None:
    casualties = casualties_of("Four men were hurt in a drive-by in Tempe. Another man was shot in the hand and drove "
                               "himself in serious condition to a clinic.")
    assert (casualties.injured.best, casualties.perpetrators_injured.best) == (4, None)


@pytest.mark.parametrize("text, killed, injured", [
    # "shot the clerk and a customer": the people shot, the dead among them
    ("Al Lee shot the clerk and a customer at a store in Akron, then fled. Police said the clerk died.", 1, 1),
    ("Police said Al Lee shot the deputy near a gas station in Salem on Saturday.", None, 1),
    # "the other boy" is one already told of
    ("A boy, 10, shot and killed a friend, 11, at a home in Salem. The boy shot the other boy with a rifle.", 1, None),
    # the person's thing is shot, not the person; a person of theirs is
    ("Police said Al Lee shot the woman's car three times outside a bar in Salem. Nobody was hurt.", None, 0),
    ("Police said Al Lee shot the woman's husband outside a bar in Salem on Saturday.", None, 1),
])
def test_people_shot_named_with_the(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a group split in two: the part first, then "the other N"
    ("Gunfire broke out at a party in Millbrook late Saturday. One of the victims remains hospitalized, "
     "and the other five were treated and released.", None, 6),
    ("Two of the wounded remain in serious condition. The remaining three were treated at the scene.", None, 5),
    # still in the hospital: hurt and alive
    ("Shots rang out at a cookout in Fairhaven. One of the guests remains in the hospital; the other two are expected to recover.", None, 3),
    # the part that died is no one hurt
    ("Gunfire broke out at a party in Millbrook. One of them died at the scene, and the other five were treated and released.", 1, 5),
])
def test_hurt_split_into_a_part_and_the_rest_add_up(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # carried to a hospital by someone: as "was taken to a hospital", a weak injury
    ("Shots rang out on Oak Street in Millbrook on Tuesday night. Medics rushed a woman to a hospital.", None, 1),
    ("Gunfire erupted outside a bar in Fairhaven. Deputies drove two men to a nearby hospital.", None, 2),
    # one told of already is nobody new: what was said of her stands
    ("A cook died and a waitress was shot at a diner in Millbrook. Medics took the waitress to a hospital.", 1, 1),
    ("Deputies took the suspect to a hospital to be checked before booking.", None, None),
])
def test_people_carried_to_a_hospital_are_hurt(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # the condition of one person's wounds: one alive and hurt, not the one who died
    ("A man died after a shooting in Denver on Monday. A police officer's injuries are not life-threatening.", 1, 1),
    ("Jo Quill's injuries are minor, police in Fairhaven said.", None, 1),
    ("The victim's injuries were fatal.", None, None),
])
def test_a_persons_injuries_with_a_condition_are_one_hurt(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # a death dated as another act: the background's, so all the shot are hurt
    ("Three people were shot outside a bar in Fairhaven on Friday. Last year a man was killed at the same bar.", 1, 3),
    ("Four people were shot late Tuesday in Millbrook. Police believe one of the men shot the man who killed Al Roe on May 10.", 1, 4),
    # a death told undated is one of the shot
    ("Three people were shot outside a bar in Fairhaven on Friday. One man died at the scene.", 1, 2),
    # one shot is most likely the one who died, however his death is dated
    ("A man was shot in Millbrook. He died on May 10 at a hospital.", 1, None),
    # a death told as of the shot is one of them, however it is dated
    ("Two men were shot outside a bar in Fairhaven on Friday. One of the men died at a hospital on March 2.", 1, 1),
])
def test_a_bare_shot_count_less_only_this_acts_dead(text: str, killed, injured) -> None:
    casualties = casualties_of(text)
    assert (casualties.killed.best, casualties.injured.best) == (killed, injured)
