"""The report-relevance signal: attacks that happened score above talk about violence."""

import time

from blotter.incidents.relevance import features, relevance

ATTACK = ("urban guerrillas set off a bomb outside a police station in the capital last night, "
          "killing two policemen and wounding a passer-by. the rebels fled in a stolen car.")
TALK = ("the government and the rebel leadership will resume peace talks next month in mexico, "
        "the foreign minister said today, adding that the dialogue on human rights reforms is going well.")


def test_attack_report_scores_above_peace_talks():
    assert relevance(ATTACK) > 0.5 > relevance(TALK)


def test_features_are_words_and_word_pairs():
    assert {"bomb", "a bomb", "0"} <= features("A bomb, 12 dead")


def test_cheap_enough_per_document():
    start = time.perf_counter()
    for _ in range(100):
        relevance(ATTACK * 5)
    assert (time.perf_counter() - start) / 100 < 0.003
