"""Practice beyond reading aloud: dictation, translation, cloze, vocabulary cards, placement test, progress."""
