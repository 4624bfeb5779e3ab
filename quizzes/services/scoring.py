"""Scoring of a submitted attempt against the questions as they were served.

Single-choice and true/false questions score their points when the correct choice is
picked. Multiple-choice questions are all or nothing: their points only when every
correct choice, and no wrong one, is picked; a partly right answer scores 0."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    selected: tuple
    correct: bool
    points: int
    earned: int


def score_question(question, selected_ids):
    correct_ids = {choice["id"] for choice in question["choices"] if choice["is_correct"]}
    is_correct = set(selected_ids) == correct_ids
    points = question["points"]
    return QuestionResult(
        question["id"], tuple(selected_ids), is_correct, points, points if is_correct else 0
    )


def score_attempt(questions, answers):
    """``answers`` maps question id to the list of chosen choice ids."""
    results = [score_question(question, answers.get(question["id"], ())) for question in questions]
    earned = sum(result.earned for result in results)
    available = sum(result.points for result in results)
    return results, earned, available


def percentage(earned, available):
    if not available:
        return Decimal("100.00")
    return (Decimal(earned) * 100 / Decimal(available)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
