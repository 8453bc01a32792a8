"""Labelling and linking by keyboard and mouse: turns key presses on the document view into commands."""
