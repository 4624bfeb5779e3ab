"""A translated demo quiz from its English one and the translator's words.

A translation data module (e.g. storytelling_ar_quizzes.py) gives only the words: each
question's prompt and explanation, and each choice's (text, feedback), in the English order.
The kind, points, settings and which choices are correct come from the English quiz, so a
translation scores exactly as its source and the two cannot drift apart; a different number
of questions or choices fails at import."""


def translate_quiz(english, questions):
    """The English quiz with the translated words: same settings, kinds, points and correct
    choices, in the same order."""
    if len(questions) != len(english["questions"]):
        raise ValueError(
            f"{len(questions)} translated questions for {len(english['questions'])} English ones"
        )
    translated = []
    for number, (source, words) in enumerate(zip(english["questions"], questions, strict=True), 1):
        if len(words["choices"]) != len(source["choices"]):
            raise ValueError(
                f"question {number}: {len(words['choices'])} translated choices "
                f"for {len(source['choices'])} English ones"
            )
        translated.append(
            {
                "kind": source["kind"],
                "points": source["points"],
                "prompt": words["prompt"],
                "explanation": words["explanation"],
                "choices": [
                    (text, is_correct, feedback)
                    for (text, feedback), (_english, is_correct, _feedback) in zip(
                        words["choices"], source["choices"], strict=True
                    )
                ],
            }
        )
    return {"settings": dict(english["settings"]), "questions": translated}
