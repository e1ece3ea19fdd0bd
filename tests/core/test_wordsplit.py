"""core.wordsplit.search_text: what the search index stores and every query becomes.
Words of scripts written without spaces are cut by ICU's dictionaries, Latin letters
lose their accents, every script its case, punctuation goes; marks of other scripts
stay. The same function at both ends, so a word searched is the word stored."""

import threading
import unicodedata

import pytest

from core.wordsplit import folded_with_offsets, search_text, search_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "สหกรณ์การเกษตรในประเทศไทย", ["สหกรณ์", "การเกษตร", "ใน", "ประเทศไทย"], id="thai"
        ),
        pytest.param("សហករណ៍កសិកម្មនៅកម្ពុជា", ["សហករណ៍", "កសិកម្ម", "នៅ", "កម្ពុជា"], id="khmer"),
        pytest.param(
            "ສະຫະກອນກະສິກຳໃນປະເທດລາວ",
            ["ສະຫະກອນ", "ກະສິກໍາ", "ໃນ", "ປະເທດ", "ລາວ"],  # SARA AM as NFKC spells it
            id="lao",
        ),
        pytest.param("တစ်ခုတည်းသောကမ္ဘာ", ["တစ်", "ခု", "တည်း", "သော", "ကမ္ဘာ"], id="myanmar"),
        pytest.param("社会团结经济", ["社会", "团结", "经济"], id="chinese"),
        pytest.param(
            "協同組合は社会的連帯経済",
            ["協同", "組合", "は", "社会", "的", "連帯", "経済"],
            id="japanese",
        ),
    ],
)
def test_scripts_without_spaces_are_cut_into_words(text, words):
    assert search_words(text) == words


def test_a_word_in_the_middle_of_a_thai_sentence_is_a_word_of_its_own():
    sentence = search_words("เกษตรกรรวมตัวกันเป็นสหกรณ์การเกษตรเพื่อขายข้าวในราคาที่เป็นธรรม")

    assert "สหกรณ์" in sentence
    assert search_words("สหกรณ์") == ["สหกรณ์"]


def test_vietnamese_loses_its_tone_marks_and_d_its_stroke():
    assert search_text("Hợp tác xã nông nghiệp Đồng Tháp") == "hop tac xa nong nghiep dong thap"
    assert search_text("HỢP TÁC XÃ") == search_text("hop tac xa")
    assert search_text("Ư ơ ă â ê ô đ") == "u o a a e o d"


def test_cyrillic_is_case_folded_and_keeps_its_letters():
    assert search_text("КООПЕРАТИВ Кооператив") == "кооператив кооператив"
    assert search_text("ХОРШОО Өрх Үйлдвэр") == "хоршоо өрх үйлдвэр"  # Mongolian
    assert search_text("Чайный ёж") == "чайный ёж"  # й and ё are letters of their own


def test_marks_of_thai_khmer_and_lao_stay():
    for word in ["ที่", "ผู้", "กิจ", "ស្រូវ", "ព្រះ", "ຊ່ວຍ"]:
        assert search_text(word) == unicodedata.normalize("NFC", word)


def test_punctuation_and_symbols_go_numbers_stay():
    assert search_text("Co-op's «rules»: 3.5% (2026)!") == "co op s rules 3 5 2026"
    assert search_text("สหกรณ์ฯ ๏ ฿100 เด็กๆ") == "สหกรณ์ 100 เด็ก"
    assert search_text("!!! …") == ""
    assert search_text("") == ""
    assert search_text(None) == ""


def test_a_latin_word_next_to_thai_is_a_word_apart():
    assert search_words("ระบบICTของสหกรณ์") == ["ระบบ", "ict", "ของ", "สหกรณ์"]


def test_compatibility_forms_fold_to_their_plain_letters():
    assert search_text("ＳＳＥ ﬁnance Straße") == "sse finance strasse"  # noqa: RUF001
    assert search_text("ｶﾀｶﾅ") == search_text("カタカナ")


def test_thai_sara_am_typed_in_two_parts_is_the_same_word():
    composed = "สำนักงานสหกรณ์จังหวัด"
    typed_in_parts = composed.replace("\u0e33", "\u0e4d\u0e32")

    assert search_text(typed_in_parts) == search_text(composed)
    assert search_words(composed)[0] == "สํานักงาน"  # cut before, as the dictionary spells it


def test_lao_ligatures_and_their_two_letters_are_the_same_words():
    for ligature in ["ໜ່ວຍງານ", "ໝູ່ບ້ານຂອງພວກເຮົາ", "ໜັງສືພິມລາວ", "ສະມາຊິກມີໜ້າທີ່"]:
        letters = ligature.replace("ໜ", "ຫນ").replace("ໝ", "ຫມ")

        assert search_text(ligature) == search_text(letters)


def test_zero_width_space_separates_and_joiners_and_soft_hyphens_do_not():
    assert search_words("សហករណ៍\u200bកសិកម្ម") == ["សហករណ៍", "កសិកម្ម"]
    assert search_text("co\u00adoperative") == "cooperative"


def test_search_text_of_search_text_is_itself():
    text = "Hợp tác xã, สำนักงานสหกรณ์, КООПЕРАТИВ, 協同組合, ໜ່ວຍງານ, Straße"

    once = search_text(text)

    assert search_text(once) == once


def test_threads_get_the_same_words():
    sentence = "เกษตรกรรวมตัวกันเป็นสหกรณ์การเกษตร សហករណ៍កសិកម្មនៅកម្ពុជា"
    expected = search_text(sentence)
    seen, errors = [], []

    def work():
        try:
            seen.extend(search_text(sentence) for _ in range(200))
        except Exception as error:  # any failure in a thread is the test's
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert set(seen) == {expected}


def test_folded_with_offsets_says_where_each_character_went():
    assert folded_with_offsets("Hợp tác") == ("hop tac", None)  # one for one
    folded, offsets = folded_with_offsets("Straße ทำ")
    assert folded == "strasse ท\u0e4d\u0e32"
    assert offsets == [0, 1, 2, 3, 4, 6, 7, 8, 9, 11]
