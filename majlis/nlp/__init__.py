"""Arabic NER for majlis: own tokeniser, synthetic training corpus, Stanza model loading and tagging."""
