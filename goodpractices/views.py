from django.shortcuts import render


def practice_list(request):
    return render(request, "goodpractices/practice_list.html")
