"""Train majlis's Arabic NER model with Stanza on the synthetic corpus (plus any BIO corpora given).

Runs offline on CPU: no pretrained word vectors, Stanza's own character model only.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from majlis.nlp.corpus import generate, write_bio

DEFAULT_SENTENCES = 30000
DEFAULT_STEPS = 3000
# Torch threads while training. The network is small, so a second thread gains little on two free cores,
# and on shared cores the threads wait for each other: with the machine loaded, 500 steps took 27 minutes
# on two threads (5.8 s a step) and 2 minutes on one (0.18-0.35 s a step). One thread is also the same
# arithmetic on every machine, so the same seed gives the same weights.
TRAIN_THREADS = 1
_DEV_SEED_OFFSET = 7919


def _size_args(small: bool) -> list[str]:
    """Network sizes: `small` is for tests (seconds); the default is the shipped model (minutes)."""
    dims = (
        {"hidden_dim": 32, "char_hidden_dim": 32, "word_emb_dim": 32, "char_emb_dim": 32}
        if small
        else {"hidden_dim": 128, "char_hidden_dim": 100, "word_emb_dim": 32, "char_emb_dim": 64}
    )
    return [arg for key, value in dims.items() for arg in (f"--{key}", str(value))]


def _bio_to_json(bio: Path, out: Path) -> Path:
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    process_dataset(str(bio), str(out))
    return out


def _concat(parts: list[Path], out: Path) -> Path:
    with out.open("w", encoding="utf-8") as dst:
        for part in parts:
            text = part.read_text(encoding="utf-8").strip("\n")
            if text:
                dst.write(text + "\n\n")
    return out


def train_model(
    output_path: Path,
    *,
    seed: int = 1234,
    n_sentences: int = DEFAULT_SENTENCES,
    extra_bio: list[Path] | None = None,
    max_steps: int = DEFAULT_STEPS,
    eval_interval: int = 500,
    small: bool = False,
    work_dir: Path | None = None,
) -> Path:
    """Generate the corpus, train a Stanza NER tagger and copy the model to `output_path`."""
    stanza_logger = logging.getLogger("stanza")
    level, handlers = stanza_logger.level, list(stanza_logger.handlers)
    from stanza.models import ner_tagger

    with tempfile.TemporaryDirectory(prefix="majlis-ner-", dir=work_dir) as tmp_name:
        tmp = Path(tmp_name)
        synthetic = tmp / "synthetic.bio"
        write_bio(generate(n_sentences, seed=seed), synthetic)
        train_bio = _concat([synthetic, *(extra_bio or [])], tmp / "train.bio")
        dev_bio = tmp / "dev.bio"
        write_bio(generate(max(50, n_sentences // 20), seed=seed + _DEV_SEED_OFFSET), dev_bio)
        train_json = _bio_to_json(train_bio, tmp / "train.json")
        dev_json = _bio_to_json(dev_bio, tmp / "dev.json")
        save_dir = tmp / "model"
        args = [
            "--mode", "train", "--cpu", "--no_pretrain",
            "--shorthand", "ar_majlis",
            "--train_file", str(train_json), "--eval_file", str(dev_json),
            "--save_dir", str(save_dir), "--save_name", "majlis-ar-ner.pt",
            "--max_steps", str(max_steps), "--eval_interval", str(eval_interval),
            "--batch_size", "32", "--word_dropout", "0.15", "--seed", str(seed),
            "--optim", "adam", "--lr", "0.002", "--log_step", "200",
            *_size_args(small),
        ]  # fmt: skip
        import torch

        threads = torch.get_num_threads()
        torch.set_num_threads(TRAIN_THREADS)
        try:
            ner_tagger.main(args)
        finally:
            torch.set_num_threads(threads)
            # importing stanza and ner_tagger.main reset Stanza's logger; give the caller its logging back
            stanza_logger.setLevel(level)
            stanza_logger.handlers = handlers
        model = save_dir / "majlis-ar-ner.pt"
        if not model.exists():
            raise RuntimeError(f"Stanza finished without writing {model}")
        output_path.parent.mkdir(parents=True, exist_ok=True)
        _save_without_temp_paths(model, output_path)
    return output_path


def _save_without_temp_paths(model: Path, output_path: Path) -> None:
    """Copy the model with the training run's temporary paths replaced by bare file names: the same seed
    then gives the same file, and so the same model version on every mention."""
    import torch

    checkpoint = torch.load(model, map_location="cpu", weights_only=False)
    config = checkpoint.get("config", {})
    for key in ("train_file", "eval_file", "save_dir"):
        if isinstance(config.get(key), str):
            config[key] = Path(config[key]).name
    torch.save(checkpoint, output_path)
