import Link from "next/link";

const DISCIPLINES = [
  { name: "Piano", text: "Solo, duet and concerto classes for every age." },
  { name: "Strings", text: "Violin, viola, cello and double bass, solo and chamber." },
  { name: "Voice", text: "Classical, musical theatre and choral performance." },
  { name: "Winds & brass", text: "Solo and ensemble classes with an adjudicator's feedback." },
];

export default function HomePage() {
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">Music Festival Organizer</p>
        <h1 id="home-title">A week of music, made by our community</h1>
        <p className="lead">
          Performers, teachers and families come together each spring to play, listen and learn. Create an account to
          register your entries, follow your schedule and hear from the organizers.
        </p>
        <p className="hero-actions">
          <Link href="/sign-up" className="button">
            Create an account
          </Link>
          <Link href="/syllabus" className="button button-quiet">
            Browse the syllabus
          </Link>
          <Link href="/account" className="button button-quiet">
            Go to your account
          </Link>
        </p>
      </section>
      <section aria-labelledby="disciplines-title">
        <h2 id="disciplines-title">Disciplines</h2>
        <ul className="cards">
          {DISCIPLINES.map((d) => (
            <li key={d.name} className="card">
              <h3>{d.name}</h3>
              <p>{d.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
