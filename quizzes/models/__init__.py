from .attempts import AnswerRecord, Attempt, SelectedChoice

__all__ = ["AnswerRecord", "Attempt", "SelectedChoice"]
