"""Tag token lists with a loaded Stanza NER processor's own models, without building Stanza Documents.

Stanza's `Pipeline.__call__` turns every token into `Token`/`Word` objects and back, which on 2 cores cost
more than the network itself. Majlis already has its tokens, so it runs each model's network (Stanza's
`NERTagger.forward`) on batches it builds itself, and merges the models' tags as the NER processor does.

- Sentences are sorted by length first: batches of similar lengths waste nothing on padding.
- For models with their own character LSTM (the bundled one), each word's input to the tagger LSTM (its
  embedding and the final states of the bidirectional character LSTM, through the input transform) is
  computed once and kept in a bounded per-word cache: it does not depend on the sentence, and news repeats
  its words, so most tokens skip the character LSTM. The tagger LSTM then runs on the batch, without the
  CRF loss Stanza's `forward` also computes, and one Viterbi pass decodes the whole batch. A bounded
  sentence cache returns the tags of a sentence seen before (boilerplate, datelines, repeated stories).
  Stanza's loader would also build the character-LM tensors such models never read, and decodes sentence
  by sentence in numpy.
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
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

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


# Word types whose input to the tagger LSTM is kept (232 floats each, about 1 KB): 30,000 cover nearly
# every token of news text, at about 25 MB per worker; when full the cache starts again (a long-running
# service must not grow forever).
MAX_CACHED_WORDS = 30_000
# Sentences whose tags are kept (a tuple of tokens and a list of tags each, about 1 KB): about 20 MB.
MAX_CACHED_SENTENCES = 20_000


def cached_path_applies(model: Any) -> bool:
    """The cached forward reproduces Stanza's `NERTagger.forward` for models whose inputs are a word
    embedding ('delta' or 'word') and a character LSTM's final states (no attention, no character LM)."""
    args = model.args
    vocab_ok = ("word" in model.vocab) != ("delta" in model.vocab and model.delta_emb is not None)
    return (
        vocab_ok
        and args.get("char_emb_dim", 0) > 0
        and not model.charmodel.attn
        and model.bert_model is None
        and not args.get("connect_output_layers")
        and len(model.tag_clfs) == 1
    )


class _FastTagger:
    """Batches for one model built directly from words; with `cached`, each word's character encoding is
    computed once (see the module docstring)."""

    def __init__(self, trainer: Any, batch_size: int, cached: bool = True) -> None:
        self.trainer = trainer
        self.batch_size = batch_size
        self.char_vocab = trainer.vocab["char"]
        self.tag_vocab = trainer.vocab["tag"]
        self.columns = len(self.tag_vocab.lens())
        self.lowercase = bool(trainer.args.get("char_lowercase", False))
        self.tagset = trainer.args.get("predict_tagset")
        self.cached = cached and cached_path_applies(trainer.model)
        self._chars: dict[str, list[int]] = {}
        self._tag_names: dict[tuple[int, ...], str] = {}
        # the cached path: word -> row of `_inputs` (its input to the tagger LSTM); sentence -> tags
        self._rows: dict[str, int] = {}
        self._inputs = torch.empty(0)
        self._sentences: dict[tuple[str, ...], list[str]] = {}

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
        """Tags for sentences already sorted by length, longest first; with `cached`, a sentence seen
        before (a wire's boilerplate, a dateline, a repeated story) takes its tags from the last time."""
        if not self.cached or MAX_CACHED_SENTENCES <= 0:
            return self._tag_all(sentences)
        keys = [tuple(s) for s in sentences]
        todo = list(dict.fromkeys(k for k in keys if k not in self._sentences))
        if len(self._sentences) + len(todo) > MAX_CACHED_SENTENCES:
            self._sentences.clear()  # full: start again with this call's sentences
            todo = list(dict.fromkeys(keys))
        self._sentences.update(zip(todo, self._tag_all([list(k) for k in todo]), strict=True))
        return [list(self._sentences[k]) for k in keys]

    def _tag_all(self, sentences: list[list[str]]) -> list[list[str]]:
        tags: list[list[str]] = []
        for start in range(0, len(sentences), self.batch_size):
            batch = sentences[start : start + self.batch_size]
            sentlens = [len(s) for s in batch]
            logits, transitions = self._cached_scores(batch) if self.cached else self._stanza_scores(batch)
            columns = [viterbi_batch(lg, tr, sentlens) for lg, tr in zip(logits, transitions, strict=True)]
            for index in range(len(batch)):
                per_token = zip(*(col[index] for col in columns), strict=True)
                names = [self._tag_name(tuple(max(i, VOCAB_PREFIX_SIZE) for i in ids)) for ids in per_token]
                tags.append(fix_singleton_tags(names))
        return tags

    def _stanza_scores(self, sentences: list[list[str]]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """Emission scores and transitions from Stanza's own `NERTagger.forward` (every word's characters
        through the character LSTM, and the CRF loss computed and thrown away)."""
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
        return logits, transitions

    def _encode_new_words(self, words: list[str]) -> None:
        """Compute the tagger LSTM's input for `words` (not yet cached): the character LSTM's final states
        joined to the word embedding, through the input transform; all of it depends on the word alone."""
        model = self.trainer.model
        needed = len(self._rows) + len(words)
        if needed > self._inputs.shape[0]:
            if self._rows and needed > MAX_CACHED_WORDS:
                self._rows.clear()  # full: start again (the caller re-encodes its batch's words)
                return
            width = model.taggerlstm.lstm.input_size
            grown = torch.empty((max(needed, min(MAX_CACHED_WORDS, max(2 * needed, 4096))), width))
            if self._rows:
                grown[: len(self._rows)] = self._inputs[: len(self._rows)]
            self._inputs = grown
        chars = sorted(((self._char_ids(w), w) for w in words), key=lambda pair: len(pair[0]), reverse=True)
        lengths = [len(ids) for ids, _ in chars]
        padded = torch.full((len(chars), lengths[0]), PAD_ID, dtype=torch.long)
        filled = torch.arange(lengths[0]) < torch.tensor(lengths).unsqueeze(1)
        padded[filled] = torch.tensor([c for ids, _ in chars for c in ids], dtype=torch.long)
        charmodel = model.charmodel
        shape = (charmodel.num_dir * model.args["char_num_layers"], len(chars), model.args["char_hidden_dim"])
        packed = pack_padded_sequence(charmodel.char_emb(padded), lengths, batch_first=True)
        hidden = (charmodel.charlstm_h_init.expand(shape).contiguous(),
                  charmodel.charlstm_c_init.expand(shape).contiguous())  # fmt: skip
        _, (h, _) = charmodel.charlstm.lstm(packed, hidden)
        encodings = h[-2:].transpose(0, 1).reshape(len(chars), -1)
        has_word = "word" in model.vocab
        vocab, embedding = (
            (model.vocab["word"], model.word_emb) if has_word else (model.vocab["delta"], model.delta_emb)
        )
        case_fold = model.args.get("lowercase", True)
        ids = torch.tensor(vocab.map([w.lower() if case_fold else w for _, w in chars]), dtype=torch.long)
        inputs = torch.cat([embedding(ids), encodings], dim=1)
        if model.input_transform is not None:
            inputs = model.input_transform(inputs)
        start = len(self._rows)
        self._inputs[start : start + len(chars)] = inputs
        for offset, (_, word) in enumerate(chars):
            self._rows[word] = start + offset

    def _cached_scores(self, sentences: list[list[str]]) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """Stanza's `NERTagger.forward` in evaluation mode, each word's input to the tagger LSTM cached."""
        model = self.trainer.model
        model.eval()
        unique = list(dict.fromkeys(w for s in sentences for w in s))
        new = [w for w in unique if w not in self._rows]
        if new:
            self._encode_new_words(new)
            if not self._rows:  # the cache was full and was emptied: encode the whole batch afresh
                self._encode_new_words(unique)
        sentlens = [len(s) for s in sentences]
        rows = torch.zeros((len(sentences), sentlens[0]), dtype=torch.long)
        filled = torch.arange(sentlens[0]) < torch.tensor(sentlens).unsqueeze(1)
        rows[filled] = torch.tensor([self._rows[w] for s in sentences for w in s], dtype=torch.long)
        shape = (2 * model.args["num_layers"], len(sentences), model.args["hidden_dim"])
        hidden = (model.taggerlstm_h_init.expand(shape).contiguous(),
                  model.taggerlstm_c_init.expand(shape).contiguous())  # fmt: skip
        packed = pack_padded_sequence(self._inputs[rows], sentlens, batch_first=True)
        outputs, _ = model.taggerlstm.lstm(packed, hidden)
        padded, _ = pad_packed_sequence(outputs, batch_first=True)
        return [model.tag_clfs[0](padded)], [model.crits[0]._transitions]


# per loaded model: a cached and an uncached tagger
_taggers: weakref.WeakKeyDictionary[Any, dict[bool, _FastTagger]] = weakref.WeakKeyDictionary()


def tag_tokens(
    ner_processor: Any, sentences: list[list[str]], fast: bool = True, cached: bool = True
) -> list[list[str]]:
    """One BIOES tag per token ("O" outside entities), in input order; every sentence must be non-empty.

    `fast=False` forces Stanza's own loader and decoding for every model, and `cached=False` runs Stanza's
    `forward` on every word's characters (both to compare, and to measure).
    """
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]), reverse=True)
    ordered = [sentences[i] for i in order]
    per_model: list[list[list[str]]] = []
    with torch.inference_mode():
        for trainer, config in zip(ner_processor.trainers, ner_processor.configs, strict=True):
            if fast and fast_path_applies(trainer):
                taggers = _taggers.setdefault(trainer, {})
                tagger = taggers.get(cached)
                if tagger is None or tagger.batch_size != config["batch_size"]:
                    tagger = taggers[cached] = _FastTagger(trainer, config["batch_size"], cached)
                per_model.append(tagger.tag(ordered))
            else:
                per_model.append(_stanza_tags(trainer, config, ordered))
    merged = [list(merge_tags(*tags)) for tags in zip(*per_model, strict=True)]
    result: list[list[str]] = [[] for _ in sentences]
    for position, index in enumerate(order):
        result[index] = merged[position]
    return result
