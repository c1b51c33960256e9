"""Thaw's command line: the parser, the shared context and one handler module a command."""
