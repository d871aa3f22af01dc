"""Datasets used by the exercises (MNIST loader in :mod:`dataset.mnist`)."""
