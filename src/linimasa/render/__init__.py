"""Outputs: terminal, JSON, HTML."""
