"""Tag token lists with a loaded Stanza NER processor's own models, without building Stanza Documents.

Stanza's `Pipeline.__call__` turns every token into `Token`/`Word` objects and back, which on 2 cores cost
more than the network itself. Majlis already has its tokens, so it runs each model's network (Stanza's
`NERTagger.forward`) on batches it builds itself, and merges the models' tags as the NER processor does.

- Sentences are sorted by length first: batches of similar lengths waste nothing on padding.
- For models with their own character LSTM (the bundled one), batches are built with a per-word cache of
  character ids and decoded with one Viterbi pass over the whole batch; Stanza's loader would also build
  the character-LM tensors such models never read, and decodes sentence by sentence in numpy.
- Models that need a character LM or a transformer (the official ones) go through Stanza's own
  `DataLoader` and `Trainer.predict`.

Either way the tags equal those of `stanza.Pipeline` on the same tokens (`tests/nlp/test_inference.py`).
"""

from __future__ import annotations

import weakref
from typing import Any

import torch
from stanza.models.common.vocab import PAD_ID, VOCAB_PREFIX_SIZE
from stanza.models.ner.data import DataLoader
from stanza.models.ner.trainer import fix_singleton_tags
from stanza.models.ner.utils import merge_tags

_Row = tuple[str, None, None]  # (text, NER, MULTI_NER) as Document.get returns them


class _PretokenizedRows:
    """The one `Document.get` call `DataLoader` makes: token texts with no gold tags."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self._sentences = sentences

    def get(self, fields: Any, as_sentences: bool = True, from_token: bool = True) -> list[list[_Row]]:
        return [[(word, None, None) for word in sentence] for sentence in self._sentences]


def _stanza_tags(trainer: Any, config: dict[str, Any], sentences: list[list[str]]) -> list[list[str]]:
    """Stanza's own batching and decoding, for models the fast path does not cover."""
    loader = DataLoader(
        _PretokenizedRows(sentences),
        config["batch_size"],
        config,
        vocab=trainer.vocab,
        evaluation=True,
        preprocess_tags=False,
        bert_tokenizer=trainer.model.bert_tokenizer,
    )
    tags: list[list[str]] = []
    for batch in loader:
        tags.extend(trainer.predict(batch))
    return tags


def fast_path_applies(trainer: Any) -> bool:
    """True for models whose inputs are words and their characters only (no character LM, no BERT)."""
    args = trainer.args
    return bool(args.get("char")) and not args.get("charlm") and trainer.model.bert_model is None


def viterbi_batch(scores: torch.Tensor, transitions: torch.Tensor, lengths: list[int]) -> list[list[int]]:
    """Best tag sequence per sentence; `scores` is (batch, max length, tags), padded after `lengths`.

    The same recurrence as Stanza's numpy `viterbi_decode`, run for every sentence at once.
    """
    batch, steps, _ = scores.shape
    alive_until = torch.tensor(lengths)
    trellis = scores[:, 0]
    pointers = torch.zeros(scores.shape, dtype=torch.long)
    for t in range(1, steps):
        best, previous = (trellis.unsqueeze(2) + transitions).max(dim=1)
        alive = (alive_until > t).unsqueeze(1)
        trellis = torch.where(alive, scores[:, t] + best, trellis)
        pointers[:, t] = previous
    current = trellis.argmax(dim=1)
    path = torch.zeros((batch, steps), dtype=torch.long)
    for t in range(steps - 1, -1, -1):
        alive_now = alive_until > t
        path[:, t] = torch.where(alive_now, current, 0)
        if t:
            before = pointers[:, t].gather(1, current.unsqueeze(1)).squeeze(1)
            current = torch.where(alive_now, before, current)
    return [row[:n] for row, n in zip(path.tolist(), lengths, strict=True)]


# Word types whose character ids are kept: 30,000 cover nearly every token of news text (the frequent words
# stay), at about 6 MB; 100,000 took about 20 MB per worker on varied text.
MAX_CACHED_WORDS = 30_000


class _FastTagger:
    """Batches for one model built directly from words, with character ids cached per word."""

    def __init__(self, trainer: Any, batch_size: int) -> None:
        self.trainer = trainer
        self.batch_size = batch_size
        self.char_vocab = trainer.vocab["char"]
        self.tag_vocab = trainer.vocab["tag"]
        self.columns = len(self.tag_vocab.lens())
        self.lowercase = bool(trainer.args.get("char_lowercase", False))
        self.tagset = trainer.args.get("predict_tagset")
        self._chars: dict[str, list[int]] = {}
        self._tag_names: dict[tuple[int, ...], str] = {}

    def _char_ids(self, word: str) -> list[int]:
        ids = self._chars.get(word)
        if ids is None:
            if len(self._chars) >= MAX_CACHED_WORDS:  # a long-running service must not grow forever
                self._chars.clear()
            ids = self.char_vocab.map(list(word.lower() if self.lowercase else word))
            self._chars[word] = ids
        return ids

    def _tag_name(self, ids: tuple[int, ...]) -> str:
        name = self._tag_names.get(ids)
        if name is None:
            unit = self.tag_vocab.unmap([ids])[0]
            name = unit[self.tagset] if isinstance(unit, list) else unit
            self._tag_names[ids] = name
        return name

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags for sentences already sorted by length, longest first."""
        tags: list[list[str]] = []
        for start in range(0, len(sentences), self.batch_size):
            tags.extend(self._tag_batch(sentences[start : start + self.batch_size]))
        return tags

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        sentlens = [len(s) for s in sentences]
        words = [self._char_ids(w) for s in sentences for w in s]
        order = sorted(range(len(words)), key=lambda i: len(words[i]), reverse=True)
        wordlens = [len(words[i]) for i in order]
        wordchars = torch.full((len(words), wordlens[0]), PAD_ID, dtype=torch.long)
        filled = torch.arange(wordlens[0]) < torch.tensor(wordlens).unsqueeze(1)  # row-major = word order
        wordchars[filled] = torch.tensor([c for index in order for c in words[index]], dtype=torch.long)
        tags = torch.full((len(sentences), sentlens[0], self.columns), PAD_ID, dtype=torch.long)
        model = self.trainer.model
        model.eval()
        _, logits, transitions = model(
            sentences, wordchars, torch.eq(wordchars, PAD_ID), tags, order, sentlens, wordlens,
            None, None, None, None,
        )  # fmt: skip
        columns = [viterbi_batch(s, t, sentlens) for s, t in zip(logits, transitions, strict=True)]
        result: list[list[str]] = []
        for index in range(len(sentences)):
            per_token = zip(*(col[index] for col in columns), strict=True)
            names = [self._tag_name(tuple(max(i, VOCAB_PREFIX_SIZE) for i in ids)) for ids in per_token]
            result.append(fix_singleton_tags(names))
        return result


_taggers: weakref.WeakKeyDictionary[Any, _FastTagger] = weakref.WeakKeyDictionary()  # one per loaded model


def tag_tokens(ner_processor: Any, sentences: list[list[str]], fast: bool = True) -> list[list[str]]:
    """One BIOES tag per token ("O" outside entities), in input order; every sentence must be non-empty.

    `fast=False` forces Stanza's own loader and decoding for every model (to compare the two).
    """
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]), reverse=True)
    ordered = [sentences[i] for i in order]
    per_model: list[list[list[str]]] = []
    with torch.inference_mode():
        for trainer, config in zip(ner_processor.trainers, ner_processor.configs, strict=True):
            if fast and fast_path_applies(trainer):
                tagger = _taggers.get(trainer)
                if tagger is None or tagger.batch_size != config["batch_size"]:
                    tagger = _taggers[trainer] = _FastTagger(trainer, config["batch_size"])
                per_model.append(tagger.tag(ordered))
            else:
                per_model.append(_stanza_tags(trainer, config, ordered))
    merged = [list(merge_tags(*tags)) for tags in zip(*per_model, strict=True)]
    result: list[list[str]] = [[] for _ in sentences]
    for position, index in enumerate(order):
        result[index] = merged[position]
    return result
