# bash completion for jac
_jac() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --format) COMPREPLY=($(compgen -W "text unicode latex json c python swift julia matlab" -- "$cur")); return ;;
    --env) COMPREPLY=($(compgen -W "pmatrix bmatrix Bmatrix vmatrix Vmatrix matrix" -- "$cur")); return ;;
    --vars|--wrt|--funcs|--vector|--matrix|--symmetric|--expand|--where|--at|--jvp|--vjp|--from|--tol|--max-iter|--entry) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "--vars --wrt --funcs --vector --matrix --symmetric --expand --where --inline --format --latex --json --text --no-simplify --at --exact --jvp --vjp --check --volume-element --from --tol --max-iter --lhs --env --standalone --with-latex --no-cse --dense --compact --steps --entry --stats --help --version" -- "$cur"))
  elif [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "jacobian det grad hessian diff simplify inverse newton sparsity" -- "$cur"))
  fi
}
complete -F _jac jac
