#!/usr/bin/env python3
"""The device code flow as a public client would run it, with the standard library only.

Usage: oauth_device_client.py OAUTH_URL CONTROL_URL CLIENT_ID LOGIN

CLIENT_ID must be a public client (no secret). The user LOGIN approves the code through the
simulator's control API, standing in for a person at the verification page. Checks the
pending answer, the tokens, validate, refresh-token rotation and revocation. Prints one
`ok ...` line per check and exits 1 at the first failure.
"""

import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def check(condition, message):
    if not condition:
        print(f"FAIL {message}")
        sys.exit(1)
    print(f"ok   {message}")


def call(method, url, form=None, headers=None, json_body=None):
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return response.status, (json.loads(body) if body else {})
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, (json.loads(body) if body else {})


def main():
    oauth, control, client_id, login = sys.argv[1:5]
    scopes = "chat:read chat:edit moderator:manage:banned_users"
    status, device = call("POST", f"{oauth}/device", form={"client_id": client_id, "scopes": scopes})
    check(status == 200, f"POST /device answers 200 ({status} {device})")
    for field in ("device_code", "user_code", "verification_uri", "expires_in", "interval"):
        check(field in device, f"the device answer has {field}")

    grant = {
        "client_id": client_id,
        "scopes": scopes,
        "device_code": device["device_code"],
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
    }
    status, pending = call("POST", f"{oauth}/token", form=grant)
    check(status == 400 and pending.get("message") == "authorization_pending", f"unapproved: authorization_pending ({pending})")

    status, _ = call("POST", f"{control}/device-codes/approve", json_body={"user_code": device["user_code"], "user": login})
    check(status == 200, "the user approves the code")

    status, tokens = call("POST", f"{oauth}/token", form=grant)
    check(status == 200 and tokens.get("token_type") == "bearer", f"approved: tokens issued ({status})")
    check(sorted(tokens.get("scope", [])) == sorted(scopes.split()), "the tokens carry the requested scopes")
    check(tokens.get("expires_in", 0) > 0 and tokens.get("refresh_token"), "an expiry and a refresh token")

    status, again = call("POST", f"{oauth}/token", form=grant)
    check(status == 400, f"a device code works once ({status} {again})")

    auth = {"Authorization": f"OAuth {tokens['access_token']}"}
    status, valid = call("GET", f"{oauth}/validate", headers=auth)
    check(status == 200 and valid.get("login") == login and valid.get("client_id") == client_id, f"validate names the user ({valid})")

    refresh = {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "client_id": client_id}
    status, renewed = call("POST", f"{oauth}/token", form=refresh)
    check(status == 200 and renewed["access_token"] != tokens["access_token"], "refresh gives a new access token")
    check(renewed["refresh_token"] != tokens["refresh_token"], "a public client's refresh token rotates")
    status, reused = call("POST", f"{oauth}/token", form=refresh)
    check(status == 400 and reused.get("message") == "Invalid refresh token", f"the old refresh token is spent ({reused})")

    status, _ = call("POST", f"{oauth}/revoke", form={"client_id": client_id, "token": renewed["access_token"]})
    check(status == 200, "revoke answers 200")
    status, invalid = call("GET", f"{oauth}/validate", headers={"Authorization": f"OAuth {renewed['access_token']}"})
    check(status == 401, f"a revoked token no longer validates ({status} {invalid})")
    print("oauth device flow: all checks passed")


if __name__ == "__main__":
    main()
