"""Entry point for AWS Lambda: ``skill.lambda_function.handler``."""

from skill.hosting.lambda_function import handler

__all__ = ["handler"]
