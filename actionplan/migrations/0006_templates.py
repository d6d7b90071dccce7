# The superior office publishes a plan as the template for its subordinates (Plan.is_template); a plan made from it.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actionplan', '0004_achievements'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalplan',
            name='is_template',
            field=models.BooleanField(default=False, help_text='The offices directly below may make their own plan for the year from it.', verbose_name='published as the template for the subordinate offices'),
        ),
        migrations.AddField(
            model_name='plan',
            name='is_template',
            field=models.BooleanField(default=False, help_text='The offices directly below may make their own plan for the year from it.', verbose_name='published as the template for the subordinate offices'),
        ),
        migrations.AlterField(
            model_name='historicalplan',
            name='origin',
            field=models.CharField(choices=[('imported', 'imported from a template file'), ('copied', "copied from last year's plan"), ('template', "made from the superior office's template")], max_length=20, verbose_name='created by'),
        ),
        migrations.AlterField(
            model_name='plan',
            name='origin',
            field=models.CharField(choices=[('imported', 'imported from a template file'), ('copied', "copied from last year's plan"), ('template', "made from the superior office's template")], max_length=20, verbose_name='created by'),
        ),
    ]
