"""The SSE analytical tool (issue 13): self-assessment against the seven features and
the phase-1 classification. Only the classification rule is here so far
(classification.py); the app's models and pages come next."""
