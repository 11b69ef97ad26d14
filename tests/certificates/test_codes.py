import math

from certificates import codes


def test_new_code_has_at_least_80_bits_from_an_alphabet_without_lookalikes():
    code = codes.new_code()

    assert len(code) == codes.LENGTH
    assert set(code) <= set(codes.ALPHABET)
    assert not set("01IOLU") & set(codes.ALPHABET)
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 80


def test_new_codes_differ():
    assert len({codes.new_code() for _ in range(1000)}) == 1000


def test_display_groups_the_code_in_fours():
    assert codes.display("ABCDEFGHJKMNPQRSTVWX") == "ABCD-EFGH-JKMN-PQRS-TVWX"


def test_normalise_accepts_what_people_type():
    expected = "ABCDEFGHJKMNPQRSTVWX"

    assert codes.normalise("abcd-efgh-jkmn-pqrs-tvwx") == expected
    assert codes.normalise(" ABCD EFGH JKMN PQRS TVWX ") == expected
    assert codes.normalise("ABCD–EFGH–JKMN–PQRS–TVWX") == expected


def test_normalise_refuses_what_cannot_be_a_code():
    assert codes.normalise("") is None
    assert codes.normalise("ABCD-EFGH") is None
    assert codes.normalise("ABCD-EFGH-JKMN-PQRS-TVW0") is None  # 0 is not in the alphabet
    assert codes.normalise("' OR 1=1 --") is None
