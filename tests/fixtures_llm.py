"""Fixtures for the loopback LLM server (see aicmo_kernel.testing.llm_server)."""
