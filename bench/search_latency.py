"""Time the forum search over 1,000, then 100,000 indexed posts, half Thai and half English,
in one run, and print how much slower the larger is (the ratio of the medians).

    .venv/bin/python bench/search_latency.py [--sizes 1000,100000] [--rounds 15]

It migrates a fresh database (an isolated SQLite file, or DATABASE_URL if set) with DEBUG
off and brings a public bench category to each size in turn: topics of 100 posts by 20
bench members, every other topic in Thai, its posts two or three sentences from a pool
of realistic ones (bench/forum_data.py's English bodies and titles, Thai ones here), one
in 20 naming a province, one in 2,000 a rare word. Posts are bulk-created, then indexed
the way `manage.py update_index` indexes them (the search backend's add_items, 1,000 at a
time: Post.folded_title and folded_text, so core.wordsplit's ICU segmentation included),
then ANALYZE. At each size it calls the real search function, forum.search.search_posts,
as /search/'s forum tab does (an anonymous reader: the count and the first page of 10),
for each query --rounds times after a warm-up, and prints for each the median and the
95th percentile, the matches and, per language, over all its queries. On PostgreSQL it
also measures the largest size once more without the two indexes the search relies on
(dropped in a transaction that is rolled back): the GIN index on the search index's
`title || body` (search/migrations/0001) and the posts' `id::varchar(50)` key
(forum_post_search_key). It also times core.wordsplit.search_text alone on the posts'
bodies.
"""

import argparse
import contextlib
import os
import random
import shutil
import statistics
import tempfile
import time

from common import bench_env, manage
from forum_data import BODIES as ENGLISH_BODIES
from forum_data import PLACES as ENGLISH_PLACES
from forum_data import TITLES as ENGLISH_TITLES

CATEGORY = "bench-search"
TOPIC_POSTS = 100
BATCH = 5_000
INDEX_CHUNK = 1_000  # as update_index
SEED = 20261215

THAI_TITLES = [
    "สหกรณ์ใน{place}หาเงินทุนในช่วงปีแรกอย่างไร",
    "การจดทะเบียนกิจการเพื่อสังคมใน{place} ควรเลือกรูปแบบใด",
    "วิสาหกิจชุมชนรอบ{place} มีใครเคยลองบ้าง",
    "กลุ่มออมทรัพย์และการเงินชุมชนใน{place}",
    "ราคาที่เป็นธรรมสำหรับเกษตรกรรายย่อยรอบ{place}",
    "การฝึกอบรมคนรุ่นใหม่ด้านการบริหารสหกรณ์ใน{place}",
    "สหกรณ์ที่ผู้หญิงเป็นผู้นำใน{place} เรื่องเล่าและการติดต่อ",
    "วัดผลกระทบทางสังคมโดยไม่ต้องใช้งบประมาณมาก",
]
THAI_PLACES = [
    "เชียงใหม่",
    "ขอนแก่น",
    "อุบลราชธานี",
    "นครราชสีมา",
    "สงขลา",
    "น่าน",
    "ลำปาง",
    "สุรินทร์",
    "ยโสธร",
    "พัทลุง",
    "เชียงราย",
    "ร้อยเอ็ด",
]
THAI_BODIES = [
    "ขอบคุณที่เริ่มหัวข้อนี้ครับ ในจังหวัดของเรา สหกรณ์ออมทรัพย์เป็นก้าวแรก "
    "สมาชิกออมเงินทุกสัปดาห์เป็นเวลาหนึ่งปีก่อนที่ใครจะกู้ยืม",
    "เราเคยลองแบบเดียวกันแต่ไม่ได้ผลในตอนแรก สิ่งที่เปลี่ยนคือกติกาที่ชัดเจนว่าใครเป็นผู้ตัดสินใจ "
    "สมาชิกหนึ่งคนหนึ่งเสียง และประชุมใหญ่ปีละสองครั้ง",
    "ช่วงที่ยากที่สุดคือสองปีแรก สหกรณ์ของเราผ่านมาได้เพราะได้สัญญาจัดหาอาหารกลางวันให้โรงเรียนของเทศบาล",
    "วิสาหกิจชุมชนของเราผลิตข้าวอินทรีย์และขายตรงให้ผู้บริโภคในเมือง ราคาที่เป็นธรรมทำให้เกษตรกรมีรายได้มั่นคงขึ้น",
    "ช่วยเล่าเพิ่มได้ไหมคะว่าตั้งราคาผักอย่างไร เราส่งผักให้สมาชิกทุกสัปดาห์แต่ไม่แน่ใจว่าครอบคลุมต้นทุนหรือเปล่า",
    "คำตอบสั้น ๆ คือได้ แต่ต้องมีข้อตกลงเป็นลายลักษณ์อักษรระหว่างสมาชิก เราเรียนรู้เรื่องนี้มาอย่างยากลำบาก",
    "ผู้ประสานงานระดับชาติมีรายชื่อกิจการเพื่อสังคมที่จดทะเบียนแล้ว ผมจะถามว่าแบ่งปันในกระดานนี้ได้หรือไม่",
    "มีสามอย่างที่ช่วยเรา คือพี่เลี้ยงจากสหกรณ์ที่เก่าแก่กว่า กองทุนหมุนเวียนขนาดเล็ก และความอดทนกับงานเอกสาร",
    "กฎหมายของเรารับรองสหกรณ์ แต่ยังไม่รับรองกิจการเพื่อสังคม กลุ่มส่วนใหญ่จึงจดทะเบียนเป็นสมาคม",
    "เราวัดผลเพียงสองเรื่อง คือจำนวนงานที่คงอยู่อย่างน้อยหนึ่งปี และสัดส่วนรายได้ที่อยู่ในหมู่บ้าน",
    "ธนาคารเวลาในอำเภอของเรามีสมาชิกหนึ่งร้อยสี่สิบคนแล้ว งานหนึ่งชั่วโมงมีค่าเท่ากับหนึ่งชั่วโมงเสมอ ไม่ว่าจะเป็นงานอะไร",
    "กลุ่มสตรีของเราทอผ้าไหมและขายผ่านเครือข่ายการค้าที่เป็นธรรม รายได้ส่วนหนึ่งกลับไปเป็นทุนการศึกษาของเด็กในชุมชน",
    "เคล็ดลับหนึ่งคือทำบัญชีในตารางที่สมาชิกทุกคนเปิดอ่านได้ ความไว้วางใจเพิ่มขึ้นเร็วมากหลังจากที่เราทำแบบนั้น",
    "มีใครจะไปประชุมระดับภูมิภาคเดือนหน้าบ้างไหมครับ น่าจะดีถ้าได้พบกันและคุยเรื่องนี้ต่อ",
    "ขอบคุณมากค่ะ ข้อมูลนี้มีประโยชน์มาก ดิฉันส่งต่อให้กลุ่มแม่บ้านแล้ว และเราจะลองประชุมทุกสัปดาห์ดู",
    "เราแปลบทเรียนแรกเป็นภาษาไทยโดยอาสาสมัคร ส่วนที่ยากที่สุดคืออภิธานศัพท์ "
    "โดยเฉพาะคำว่าความสมานฉันท์และทรัพยากรส่วนรวม",
]
THAI_PLACE_SENTENCE = "ที่{place}ก็มีกลุ่มแบบนี้เหมือนกัน"
ENGLISH_PLACE_SENTENCE = "There is a group like this in {place} too."
THAI_RARE = "เดือนที่แล้วเราเปิดโรงสีข้าวชุมชนแห่งใหม่"
ENGLISH_RARE = "Last month we opened a new community sawmill."

# (language, query): a common word, two words, a province (one post in 20), a rare word.
QUERIES = [
    ("th", "สหกรณ์"),
    ("th", "ธนาคารเวลา"),
    ("th", "ราคาที่เป็นธรรม"),
    ("th", "เชียงใหม่"),
    ("th", "โรงสี"),
    ("en", "cooperative"),
    ("en", "credit union"),
    ("en", "time bank"),
    ("en", "Chiang Mai"),
    ("en", "sawmill"),
]


def post_body(rng, thai):
    bodies, places = (THAI_BODIES, THAI_PLACES) if thai else (ENGLISH_BODIES, ENGLISH_PLACES)
    sentences = rng.sample(bodies, rng.choice((2, 3)))
    if rng.random() < 1 / 20:
        place = rng.choice(places)
        sentence = THAI_PLACE_SENTENCE if thai else ENGLISH_PLACE_SENTENCE
        sentences.append(sentence.format(place=place if thai else place[1]))
    if rng.random() < 1 / 2000:
        sentences.append(THAI_RARE if thai else ENGLISH_RARE)
    return ("\n\n" if not thai else " ").join(sentences)


def topic_title(rng, thai):
    if thai:
        return rng.choice(THAI_TITLES).format(place=rng.choice(THAI_PLACES))
    country, city = rng.choice(ENGLISH_PLACES)
    return rng.choice(ENGLISH_TITLES).format(country=country, city=city)


def bench_category():
    from forum.models import Category, CategoryKind

    category, _ = Category.objects.get_or_create(
        slug=CATEGORY, defaults={"name": "Search benchmark", "kind": CategoryKind.THEMATIC}
    )
    return category


def bench_members(count=20):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    members = []
    for n in range(1, count + 1):
        user, created = User.objects.get_or_create(
            handle=f"search-bench-{n}",
            defaults={"email": f"search-bench-{n}@example.net", "name": f"Bench member {n}"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        members.append(user.id)
    return members


def bring_posts_to(size):
    """Add bench posts (and their index entries) until the forum holds `size`; returns
    (seconds making posts, seconds indexing them)."""
    from django.db import connection, reset_queries, transaction
    from django.utils.html import escape
    from wagtail.search.backends import get_search_backend

    from forum.models import Post, Topic

    category, members = bench_category(), bench_members()
    have = Post.objects.count()
    rng = random.Random(SEED + have)  # noqa: S311 - bench data, not secrets
    made = indexed = 0.0
    with transaction.atomic():
        while have < size:
            started = time.perf_counter()
            topics, posts = [], []
            while have + len(posts) < size and len(posts) < BATCH:
                thai = (len(topics) + have // TOPIC_POSTS) % 2 == 0
                topic = Topic(
                    category=category,
                    title=topic_title(rng, thai),
                    author_id=rng.choice(members),
                    is_visible=True,
                )
                topics.append(topic)
                for number in range(1, min(TOPIC_POSTS, size - have - len(posts)) + 1):
                    body = post_body(rng, thai)
                    posts.append(
                        Post(
                            topic=topic,
                            number=number,
                            author_id=rng.choice(members),
                            body=body,
                            body_html=f"<p>{escape(body)}</p>",
                        )
                    )
            Topic.objects.bulk_create(topics)
            for post in posts:
                post.topic_id = post.topic.id
            Post.objects.bulk_create(posts)
            Topic.objects.filter(pk__in=[t.pk for t in topics]).update(
                last_number=TOPIC_POSTS, post_count=TOPIC_POSTS
            )
            made += time.perf_counter() - started
            started = time.perf_counter()
            backend = get_search_backend()
            for start in range(0, len(posts), INDEX_CHUNK):
                backend.add_bulk(Post, posts[start : start + INDEX_CHUNK])
            indexed += time.perf_counter() - started
            have += len(posts)
            reset_queries()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made, indexed


def measure(query, rounds):
    """(median ms, p95 ms, matches) of the forum tab's search for `query`."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.paginator import Paginator

    from forum.search import search_posts

    def search():
        page = Paginator(search_posts(AnonymousUser(), query), 10).page(1)
        return page.paginator.count, list(page)

    count, _ = search()  # warm-up
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        search()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 0.95), count, timings


@contextlib.contextmanager
def without_search_indexes():
    """PostgreSQL: the search's two indexes dropped until the block ends, then restored."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP INDEX search_indexentry_vector_gin")
        cursor.execute("DROP INDEX forum_post_search_key")
        yield
        transaction.set_rollback(True)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def folding_cost(sample=2_000):
    """µs per post of core.wordsplit.search_text on bench bodies, Thai and English."""
    from core.wordsplit import search_text

    rng = random.Random(SEED)  # noqa: S311
    costs = {}
    for language, thai in (("th", True), ("en", False)):
        bodies = [post_body(rng, thai) for _ in range(sample)]
        started = time.perf_counter()
        for body in bodies:
            search_text(body)
        costs[language] = (time.perf_counter() - started) / sample * 1e6
    return costs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000", help="posts, comma-separated")
    parser.add_argument("--rounds", type=int, default=15, help="timed searches a query")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    workdir = tempfile.mkdtemp(prefix="sse-bench-")
    env = bench_env(workdir)
    try:
        manage(env, "migrate", "--noinput", "-v0")
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        results, builds = {}, {}
        for size in sizes:
            builds[size] = bring_posts_to(size)
            results[size] = [measure(query, args.rounds) for _language, query in QUERIES]
        if connection.vendor == "postgresql":
            with without_search_indexes():
                results["bare"] = [measure(query, args.rounds) for _language, query in QUERIES]
        costs = folding_cost()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report(env, args, sizes, results, builds, costs)


def report(env, args, sizes, results, builds, costs):
    first, last = sizes[0], sizes[-1]
    database = env["DATABASE_URL"].split(":")[0]
    print(
        f"\nOne process, DEBUG off, database {database}; forum.search.search_posts as the "
        f"forum tab calls it (count + first page of 10), {args.rounds} rounds a query after "
        "a warm-up.\n"
    )
    for size in sizes:
        made, indexed = builds[size]
        print(f"- up to {size:,} posts: made in {made:.1f} s, indexed in {indexed:.1f} s")
    print(
        f"- core.wordsplit.search_text alone: {costs['th']:.0f} µs a Thai post, "
        f"{costs['en']:.0f} µs an English post\n"
    )
    bare = "bare" in results
    columns = [*sizes, "bare"] if bare else sizes
    head = [f"{size:,}: median, p95 (matches)" for size in sizes]
    head += [f"{last:,} without the two indexes", "without ÷ with"] if bare else []
    print(f"| query | {' | '.join(head)} | median {last:,} ÷ {first:,} |")
    print("|---|" + "---:|" * (len(head) + 1))
    rows = [(f"{language}: `{query}`", [n]) for n, (language, query) in enumerate(QUERIES)]
    for language, name in (("th", "all Thai queries"), ("en", "all English queries")):
        rows.append((f"**{name}**", [n for n, q in enumerate(QUERIES) if q[0] == language]))
    for label, picked in rows:
        medians, cells = {}, []
        for column in columns:
            timings = [t for n in picked for t in results[column][n][3]]
            medians[column] = statistics.median(timings)
            cell = f"{medians[column]:.1f} ms, {percentile(timings, 0.95):.1f} ms"
            if len(picked) == 1:
                cell += f" ({results[column][picked[0]][2]:,})"
            cells.append(cell)
        if bare:
            cells.append(f"{medians['bare'] / medians[last]:.1f}")
        print(f"| {label} | {' | '.join(cells)} | {medians[last] / medians[first]:.1f} |")


if __name__ == "__main__":
    main()
