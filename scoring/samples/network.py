"""Connections.csv and Invitations.csv: the network, its hidden rows and accepted requests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.samples import people
from scoring.samples.formats import day_month_year, us_short
from scoring.samples.world import World, exactly


def connections_file(world: World) -> pd.DataFrame:
    """Connections.csv rows (the preamble is added when the file is written)."""
    c = world.connections
    return pd.DataFrame(
        {
            "First Name": c["first"],
            "Last Name": c["last"],
            "URL": c["url"],
            "Email Address": c["email"],
            "Company": c["company"],
            "Position": c["position"],
            "Connected On": day_month_year(c["_at"]).to_numpy(),
            "_hidden": c["_hidden"],
            "_with_email": c["email"] != "",
        }
    )


def invitations_file(world: World) -> pd.DataFrame:
    """Both directions over the last ``window_days``; accepted ones are connections."""
    inv = world.spec.invitations
    rng = world.rng("invitations")
    window_start = world.end - pd.Timedelta(days=inv.window_days)
    recent = world.visible_connections[world.visible_connections["_at"] >= window_start]
    recent = recent.iloc[rng.permutation(len(recent))]
    n_in_acc = min(inv.incoming_accepted, len(recent))
    n_out_acc = min(inv.outgoing_accepted, len(recent) - n_in_acc)
    accepted = recent.iloc[: n_in_acc + n_out_acc]
    # Sent a few hours to four days before the connection date.
    lead = pd.to_timedelta(rng.uniform(0.1, 4.0, size=len(accepted)), unit="D")
    acc_at = (accepted["_at"] - lead).clip(lower=window_start).to_numpy()
    n_in_pending = inv.incoming - n_in_acc
    n_out_pending = inv.outgoing - n_out_acc
    pending = world.strangers.iloc[: n_in_pending + n_out_pending]
    pending_at = world.times("invitations.pending", len(pending), start=window_start)
    pending_at = pending_at.to_numpy()[rng.permutation(len(pending))]
    other = pd.concat([accepted, pending], ignore_index=True)
    incoming = np.concatenate(
        [
            np.arange(len(accepted)) < n_in_acc,
            np.arange(len(pending)) < n_in_pending,
        ]
    )
    at = pd.Series(np.concatenate([acc_at, pending_at])).astype("datetime64[ns]")
    is_accepted = np.arange(len(other)) < len(accepted)
    outgoing_idx = np.flatnonzero(~incoming)
    with_note = np.zeros(len(other), dtype=bool)
    with_note[rng.permutation(outgoing_idx)[: inv.outgoing_with_note]] = True
    # Incoming requests from strangers often carry a note too (recruiters, sellers).
    with_note |= exactly(rng, len(other), 0.3, among=incoming & ~is_accepted)
    notes = pd.Series(people.pick(rng, world.vocab.text["invitation_notes"], len(other)))
    frame = pd.DataFrame(
        {
            "From": np.where(incoming, other["name"], world.owner_name),
            "To": np.where(incoming, world.owner_name, other["name"]),
            "Sent At": us_short(at).to_numpy(),
            "Message": notes.where(with_note, "").to_numpy(),
            "Direction": np.where(incoming, "INCOMING", "OUTGOING"),
            "inviterProfileUrl": np.where(incoming, other["url"], world.owner_url),
            "inviteeProfileUrl": np.where(incoming, world.owner_url, other["url"]),
            "_at": at.to_numpy(),
            "_accepted": is_accepted,
            "_with_note": with_note,
            "_incoming": incoming,
        }
    )
    return frame.sort_values("_at", ascending=False, kind="stable").reset_index(drop=True)
