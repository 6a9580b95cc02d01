// Password managers and assistive technology expect a username beside a password; the vault has none,
// so this names the vault instead. Hidden from view and from the accessibility tree.
export function VaultUsername() {
  return (
    <input type="text" name="username" autoComplete="username" value="Kluis" readOnly hidden aria-hidden />
  );
}
