"""Two-factor sign-in for staff (django-otp): a code from an authenticator app (TOTP) after the
password, with one-time recovery codes (django-otp's static device).

Staff who can see residents' personal data must use it (policy.py); anyone else may. The
middleware keeps a signed-in but unverified user out of every admin page until the code is
given, or until a device is set up when the role requires one.
"""
