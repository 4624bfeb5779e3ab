"""Scoring of every question type, including partly right multiple-choice answers."""

from decimal import Decimal

from quizzes.services.scoring import percentage, score_attempt, score_question

SINGLE = {
    "id": 1,
    "kind": "single",
    "points": 1,
    "choices": [{"id": 10, "is_correct": True}, {"id": 11, "is_correct": False}],
}
MULTIPLE = {
    "id": 2,
    "kind": "multiple",
    "points": 2,
    "choices": [
        {"id": 20, "is_correct": True},
        {"id": 21, "is_correct": True},
        {"id": 22, "is_correct": False},
    ],
}
TRUE_FALSE = {
    "id": 3,
    "kind": "true_false",
    "points": 1,
    "choices": [{"id": 30, "is_correct": False}, {"id": 31, "is_correct": True}],
}


def test_single_choice_scores_its_points_only_for_the_correct_choice():
    assert score_question(SINGLE, [10]).earned == 1
    assert score_question(SINGLE, [11]).earned == 0


def test_true_false_scores_like_a_single_choice():
    assert score_question(TRUE_FALSE, [31]).correct
    assert not score_question(TRUE_FALSE, [30]).correct


def test_multiple_choice_needs_every_correct_choice():
    assert score_question(MULTIPLE, [20, 21]).earned == 2


def test_multiple_choice_partly_right_scores_nothing():
    assert score_question(MULTIPLE, [20]).earned == 0


def test_multiple_choice_with_an_extra_wrong_choice_scores_nothing():
    assert score_question(MULTIPLE, [20, 21, 22]).earned == 0


def test_unanswered_question_scores_nothing():
    assert score_question(SINGLE, []).earned == 0


def test_attempt_score_adds_up_points():
    results, earned, available = score_attempt([SINGLE, MULTIPLE, TRUE_FALSE], {1: [10], 2: [20], 3: [31]})
    assert (earned, available) == (2, 4)
    assert [r.correct for r in results] == [True, False, True]


def test_percentage_is_rounded_to_two_places():
    assert percentage(2, 3) == Decimal("66.67")
    assert percentage(0, 0) == Decimal("100.00")
