from django.apps import AppConfig


class BanglaConfig(AppConfig):
    name = "bangla"
    verbose_name = "বাংলা"
