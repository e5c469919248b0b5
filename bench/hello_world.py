"""The ask-sdk "hello world" sample skill: the baseline every benchmark here measures against.

Its handlers are the sample's (launch, hello, help, stop, session ended, one exception
handler). It runs three ways, each the way the SDK documents it:

- :func:`lambda_handler`: ``SkillBuilder().lambda_handler()``, the Lambda entry point
  (JSON in, ``json.dumps`` then the SDK's ``deserialize``, JSON out);
- with ``persistence_adapter=DynamoDbAdapter(...)`` (:func:`lambda_handler` with a table), as
  the SDK's standard skill builder wires it;
- :func:`create_flask_app`: behind Flask at ``POST /alexa``, as flask-ask-sdk's
  ``SkillAdapter`` runs it (deserialize the body, run the verifiers, invoke, serialize,
  ``jsonify``), with THIS project's verifiers so that both hosts pay the same verification.
  The verifiers get the body's ``json.loads`` (flask-ask-sdk re-serializes the envelope for
  them, which costs more): the baseline is the lean one.

Nothing here imports the skill itself, so that a cold start of the baseline loads only the
SDK (and, for the web host, Flask and the verifiers).
"""

from __future__ import annotations

import json
from typing import Any

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        speech = "Welcome, you can say Hello or Help. Which would you like to try?"
        return handler_input.response_builder.speak(speech).ask(speech).response


class _HelloWorld(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("HelloWorldIntent")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Hello World!").response


class _Help(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input):
        speech = "You can say hello to me! How can I help?"
        return handler_input.response_builder.speak(speech).ask(speech).response


class _Stop(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("AMAZON.CancelIntent")(handler_input) or is_intent_name(
            "AMAZON.StopIntent"
        )(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Goodbye!").response


class _SessionEnded(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.response


class _Errors(AbstractExceptionHandler):
    def can_handle(self, handler_input, exception):
        return True

    def handle(self, handler_input, exception):
        speech = "Sorry, I had trouble doing what you asked. Please try again."
        return handler_input.response_builder.speak(speech).ask(speech).response


def builder(adapter: Any = None) -> CustomSkillBuilder:
    """The sample's skill builder (``SkillBuilder`` is ``CustomSkillBuilder`` without storage)."""
    made = CustomSkillBuilder(persistence_adapter=adapter)
    for handler in (_Launch(), _HelloWorld(), _Help(), _Stop(), _SessionEnded()):
        made.add_request_handler(handler)
    made.add_exception_handler(_Errors())
    return made


def dynamodb_adapter(table: str) -> Any:
    """ask-sdk's DynamoDB adapter, as the SDK's standard skill builder makes it."""
    import boto3
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter

    return DynamoDbAdapter(
        table_name=table, create_table=False, dynamodb_resource=boto3.resource("dynamodb")
    )


def lambda_handler(table: str | None = None) -> Any:
    """The sample's Lambda handler; with ``table``, the skill has ask-sdk's DynamoDB adapter."""
    return builder(dynamodb_adapter(table) if table else None).lambda_handler()


def create_flask_app(verifiers: list[Any]) -> Any:
    """The sample behind Flask, as flask-ask-sdk's SkillAdapter serves it, verifying first."""
    from ask_sdk_model import RequestEnvelope
    from flask import Flask, jsonify, request

    from skill.hosting.verify import VerificationError, verify_request

    skill = builder().create()
    app = Flask(__name__)

    @app.post("/alexa")
    def alexa() -> Any:
        body = request.get_data()
        envelope = skill.serializer.deserialize(payload=body, obj_type=RequestEnvelope)
        try:
            verify_request(request.headers, body, json.loads(body), verifiers)
        except VerificationError as refusal:
            return jsonify(error=str(refusal)), 400
        response = skill.invoke(request_envelope=envelope, context=None)
        return jsonify(skill.serializer.serialize(response))

    return app
