# bash completion for jac
_jac() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --format) COMPREPLY=($(compgen -W "text unicode latex json c python swift julia matlab" -- "$cur")); return ;;
    --layout) COMPREPLY=($(compgen -W "row col csc" -- "$cur")); return ;;
    --arguments) COMPREPLY=($(compgen -W "scalars array" -- "$cur")); return ;;
    --env) COMPREPLY=($(compgen -W "pmatrix bmatrix Bmatrix vmatrix Vmatrix matrix" -- "$cur")); return ;;
    --vars|--wrt|--funcs|--vector|--matrix|--symmetric|--expand|--where|--at|--jvp|--vjp|--from|--tol|--max-iter|--state|--input|--output|--order|--dep|--entry|--name|--assume) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "--vars --wrt --funcs --vector --matrix --symmetric --expand --where --inline --format --latex --json --text --no-simplify --assume --at --exact --jvp --vjp --check --volume-element --from --tol --max-iter --state --input --output --order --dep --classify --lhs --env --standalone --with-latex --no-cse --name --layout --arguments --with-value --dense --compact --steps --entry --stats --help --version" -- "$cur"))
  elif [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "jacobian det grad hessian diff simplify inverse newton sparsity logdet linearize taylor implicit critical help" -- "$cur"))
  fi
}
complete -F _jac jac
