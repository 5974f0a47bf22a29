#!/usr/bin/env python
import gc
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Django's set-up makes objects that live as long as the process, so the cyclic
    # collector has nothing to free among them: it waits until they are made (core's
    # AppConfig.ready starts it again, told to leave them be), a third of the CPU of a
    # command's start (docs/adr/019).
    gc.disable()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
